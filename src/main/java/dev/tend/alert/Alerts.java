package dev.tend.alert;

import dev.tend.alert.Alert.State;
import dev.tend.store.Database;
import dev.tend.store.JsonColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;
import tools.jackson.core.type.TypeReference;

/** The alert and alert_event tables: each identity's state now, and every transition it made. */
final class Alerts {
    private static final String COLUMNS = "id, fingerprint, source, subject, name, state, severity, bad_streak, good_streak, reason, since, "
            + "updated_at, incident_id, changes";
    private static final TypeReference<List<Long>> MILLIS = new TypeReference<>() {};
    private final Database database;

    Alerts(Database database) {
        this.database = database;
    }

    Optional<Alert> find(String fingerprint) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM alert WHERE fingerprint = :fingerprint")
                .bind("fingerprint", fingerprint).map(Alerts::map).findOne());
    }

    /** The open incident a check alert of this target is in, if any: what a target depending on it joins. */
    Optional<Long> openIncidentOf(String subject) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT a.incident_id FROM alert a JOIN incident i ON i.id = a.incident_id "
                        + "WHERE a.subject = :subject AND a.source = 'check' AND i.state <> 'RESOLVED' ORDER BY a.incident_id LIMIT 1")
                .bind("subject", subject).mapTo(Long.class).findOne());
    }

    Optional<Alert> find(long id) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM alert WHERE id = :id")
                .bind("id", id).map(Alerts::map).findOne());
    }

    /** Firing and flapping alerts, or with {@code all} every alert ever seen; by subject and name. */
    List<Alert> list(boolean all) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM alert"
                        + (all ? "" : " WHERE state <> 'OK'") + " ORDER BY subject, name")
                .map(Alerts::map).list());
    }

    List<Alert> inIncident(long incident) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM alert WHERE incident_id = :incident ORDER BY id")
                .bind("incident", incident).map(Alerts::map).list());
    }

    /**
     * Moves one alert by one observation, atomically: the row is created if new and locked while
     * {@code move} computes its next state, so two instances evaluating at once each see the
     * other's step (a transition is produced exactly once).
     */
    AlertRules.Step observe(Alert fresh, Function<Alert, AlertRules.Step> move) {
        return database.write("the alert", () -> database.jdbi().inTransaction(handle -> {
            // The write comes first: on SQLite it takes the write lock before anything is read.
            bind(handle.createUpdate("INSERT INTO alert (fingerprint, source, subject, name, state, severity, bad_streak, good_streak, reason, "
                    + "since, updated_at, incident_id, changes) VALUES (:fingerprint, :source, :subject, :name, :state, :severity, :bad, :good, "
                    + ":reason, :since, :updated, :incident, :changes) ON CONFLICT (fingerprint) DO NOTHING"), fresh).execute();
            var current = handle.createQuery("SELECT " + COLUMNS + " FROM alert WHERE fingerprint = :fingerprint" + database.forUpdate())
                    .bind("fingerprint", fresh.fingerprint()).map(Alerts::map).one();
            var step = move.apply(current);
            update(handle, step.alert());
            return step;
        }));
    }

    /** Writes an alert's state (it exists: {@link #observe} made it). */
    Alert save(Alert alert) {
        database.run("the alert", () -> database.jdbi().useHandle(handle -> update(handle, alert)));
        return alert;
    }

    private static void update(Handle handle, Alert alert) {
        bind(handle.createUpdate("UPDATE alert SET state = :state, severity = :severity, bad_streak = :bad, good_streak = :good, reason = :reason, "
                + "since = :since, updated_at = :updated, incident_id = :incident, changes = :changes WHERE id = :id"), alert)
                .bind("id", alert.id()).execute();
    }

    private static Update bind(Update update, Alert alert) {
        return update.bind("fingerprint", alert.fingerprint()).bind("source", alert.source()).bind("subject", alert.subject())
                .bind("name", alert.name()).bind("state", alert.state().name()).bind("severity", alert.severity().name())
                .bind("bad", alert.badStreak()).bind("good", alert.goodStreak()).bind("reason", alert.reason())
                .bind("since", alert.since().toEpochMilli()).bind("updated", alert.updatedAt().toEpochMilli())
                .bind("incident", alert.incidentId().orElse(null))
                .bind("changes", JsonColumns.write(alert.changes().stream().map(Instant::toEpochMilli).toList()));
    }

    void event(long alertId, Instant at, String kind, String detail) {
        database.run("the alert event", () -> database.jdbi().useHandle(handle -> handle.createUpdate(
                        "INSERT INTO alert_event (alert_id, at, kind, detail) VALUES (:alert, :at, :kind, :detail)")
                .bind("alert", alertId).bind("at", at.toEpochMilli()).bind("kind", kind).bind("detail", detail).execute()));
    }

    /** An alert's transitions, oldest first. */
    List<AlertEvent> events(long alertId) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT at, kind, detail FROM alert_event WHERE alert_id = :alert ORDER BY id")
                .bind("alert", alertId)
                .map((row, context) -> new AlertEvent(Instant.ofEpochMilli(row.getLong(1)), row.getString(2), row.getString(3)))
                .list());
    }

    private static Alert map(ResultSet row, StatementContext context) throws SQLException {
        long incident = row.getLong("incident_id");
        var noIncident = row.wasNull();
        List<Long> changes = JsonColumns.read(row.getString("changes"), MILLIS);
        return new Alert(row.getLong("id"), row.getString("fingerprint"), row.getString("source"), row.getString("subject"), row.getString("name"),
                State.valueOf(row.getString("state")), Severity.valueOf(row.getString("severity")), row.getInt("bad_streak"),
                row.getInt("good_streak"), row.getString("reason"), Instant.ofEpochMilli(row.getLong("since")),
                Instant.ofEpochMilli(row.getLong("updated_at")), noIncident ? Optional.empty() : Optional.of(incident),
                changes.stream().map(Instant::ofEpochMilli).toList());
    }
}
