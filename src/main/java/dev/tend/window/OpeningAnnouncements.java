package dev.tend.window;

import dev.tend.store.Database;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which openings of which windows the status page has announced, and when: written once per
 * opening by tend serve as it comes within the page's lead time, read as checklist evidence.
 * Several instances announcing the same opening keep the first one's row.
 */
public final class OpeningAnnouncements {
    private final Database store;

    public OpeningAnnouncements(Database store) {
        this.store = store;
    }

    public record Announcement(String window, Instant openingStart, Instant announcedAt, String text) {}

    /** Records the announcement unless this opening already has one; true when it was new. */
    public boolean record(String window, Instant openingStart, Instant announcedAt, String text) {
        return store.jdbi().withHandle(handle -> handle.createUpdate(
                        "INSERT INTO window_announcement (window_name, opening_start, announced_at, text) VALUES (:window, :start, :at, :text) "
                                + "ON CONFLICT (window_name, opening_start) DO NOTHING")
                .bind("window", window).bind("start", openingStart.toEpochMilli()).bind("at", announcedAt.toEpochMilli()).bind("text", text)
                .execute()) == 1;
    }

    public Optional<Announcement> of(String window, Instant openingStart) {
        return store.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT window_name, opening_start, announced_at, text FROM window_announcement WHERE window_name = :window AND opening_start = :start")
                .bind("window", window).bind("start", openingStart.toEpochMilli())
                .map(OpeningAnnouncements::map)
                .findOne());
    }

    private static Announcement map(java.sql.ResultSet row, org.jdbi.v3.core.statement.StatementContext context) throws java.sql.SQLException {
        return new Announcement(row.getString(1), Instant.ofEpochMilli(row.getLong(2)), Instant.ofEpochMilli(row.getLong(3)), row.getString(4));
    }

    /** The newest announcements first. */
    public List<Announcement> recent(int limit) {
        return store.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT window_name, opening_start, announced_at, text FROM window_announcement ORDER BY announced_at DESC LIMIT :limit")
                .bind("limit", limit)
                .map(OpeningAnnouncements::map)
                .list());
    }
}
