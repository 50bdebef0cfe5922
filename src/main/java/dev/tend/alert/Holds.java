package dev.tend.alert;

import dev.tend.store.Database;
import dev.tend.store.JsonColumns;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.type.TypeReference;

/** The alert_hold table: which maintenance runs hold which targets' pages back, and until when at the latest. */
final class Holds {
    static final String EVERY_TARGET = "*";
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {};
    private final Database database;

    Holds(Database database) {
        this.database = database;
    }

    /** Takes or renews a hold. */
    void hold(String by, List<String> subjects, Instant since, Instant until) {
        database.run("the alert hold", () -> database.jdbi().useHandle(handle -> handle.createUpdate(
                        "INSERT INTO alert_hold (held_by, subjects, since, held_until) VALUES (:by, :subjects, :since, :until) "
                                + "ON CONFLICT (held_by) DO UPDATE SET subjects = excluded.subjects, held_until = excluded.held_until")
                .bind("by", by).bind("subjects", JsonColumns.write(subjects)).bind("since", since.toEpochMilli())
                .bind("until", until.toEpochMilli()).execute()));
    }

    void release(String by) {
        database.run("the alert hold", () -> database.jdbi().useHandle(handle -> handle.createUpdate("DELETE FROM alert_hold WHERE held_by = :by")
                .bind("by", by).execute()));
    }

    /** The hold on a target now with the most time left, if any. */
    Optional<Suppression> on(String subject, Instant now) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT held_by, subjects, held_until FROM alert_hold WHERE held_until > :now")
                .bind("now", now.toEpochMilli())
                .map((row, context) -> new Held(row.getString("held_by"), JsonColumns.read(row.getString("subjects"), NAMES),
                        Instant.ofEpochMilli(row.getLong("held_until"))))
                .list()).stream()
                .filter(held -> held.subjects().contains(subject) || held.subjects().contains(EVERY_TARGET))
                .max(Comparator.comparing(Held::until)).map(held -> new Suppression(held.by(), held.until()));
    }

    private record Held(String by, List<String> subjects, Instant until) {}
}
