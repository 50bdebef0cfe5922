package dev.tend.alert;

import dev.tend.alert.notify.Message;
import dev.tend.alert.notify.Outbound;
import dev.tend.alert.notify.Outbox;
import dev.tend.config.TendConfig;
import dev.tend.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Tells the platform's users of maintenance through the {@code announcements:} notifiers: the
 * announcement is recorded and its notifications written to the outbox in one transaction, then
 * delivered like any other (retried, never lost). With no announcement notifiers it is only recorded.
 */
public final class Announcements {
    private final TendConfig config;
    private final Database database;
    private final Clock clock;

    public Announcements(TendConfig config, Database database, Clock clock) {
        this.config = config;
        this.database = database;
        this.clock = clock;
    }

    /** One announcement ({@link Message#MAINTENANCE_STARTED} and the like); returns the notifiers it goes to. */
    public List<String> announce(String type, String title, String text, String actor) {
        var at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        var notifiers = AnnouncementsSection.of(config);
        var platform = config.platform().name();
        var outbound = new Outbound(notifiers, (incident, id) -> new Message("tend-announcement-" + id, type, platform, at, actor, text,
                new Message.IncidentView(0, title, "INFO", "ANNOUNCED", at), List.of()));
        database.run("the announcement", () -> database.jdbi().useTransaction(handle -> {
            long id = handle.createUpdate("INSERT INTO announcement (at, type, title, detail, actor) VALUES (:at, :type, :title, :detail, :actor)")
                    .bind("at", at.toEpochMilli()).bind("type", type).bind("title", title).bind("detail", text).bind("actor", actor)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            Outbox.insert(handle, 0, type, outbound, id, at);
        }));
        return notifiers;
    }

    /** What was announced, newest first. */
    public List<Announcement> recent(int limit) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT id, at, type, title, detail, actor FROM announcement ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit)
                .map((row, context) -> new Announcement(row.getLong(1), Instant.ofEpochMilli(row.getLong(2)), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6)))
                .list());
    }

    public record Announcement(long id, Instant at, String type, String title, String detail, String actor) {}
}
