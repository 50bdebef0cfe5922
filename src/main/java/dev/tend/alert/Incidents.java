package dev.tend.alert;

import dev.tend.alert.Incident.State;
import dev.tend.alert.notify.Outbound;
import dev.tend.alert.notify.Outbox;
import dev.tend.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The incident and incident_event tables: each incident's state, and its timeline. */
final class Incidents {
    private static final String COLUMNS = "id, title, severity, state, opened_at, acknowledged_by, acknowledged_at, ack_until, resolved_at, "
            + "suppressed_by, suppressed_until";
    private final Database database;

    Incidents(Database database) {
        this.database = database;
    }

    /** Opens an incident with its OPENED event and the notifications it sends, in one transaction. */
    long open(String title, Severity severity, Instant at, String detail, Outbound outbound) {
        return open(title, severity, at, detail, outbound, Optional.empty());
    }

    /** The same, held back by a window or a maintenance run until it ends: the OPENED event says so and nothing is sent yet. */
    long open(String title, Severity severity, Instant at, String detail, Outbound outbound, Optional<Suppression> suppressedBy) {
        return database.write("the incident", () -> database.jdbi().inTransaction(handle -> {
            long id = handle.createUpdate("INSERT INTO incident (title, severity, state, opened_at, suppressed_by, suppressed_until) "
                            + "VALUES (:title, :severity, 'TRIGGERED', :at, :by, :until)")
                    .bind("title", title).bind("severity", severity.name()).bind("at", at.toEpochMilli())
                    .bind("by", suppressedBy.map(Suppression::by).orElse(null))
                    .bind("until", suppressedBy.map(held -> held.until().toEpochMilli()).orElse(null))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            insertEvent(handle, id, at, "tend", "OPENED", detail, outbound);
            return id;
        }));
    }

    Optional<Incident> find(long id) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM incident WHERE id = :id")
                .bind("id", id).map(Incidents::map).findOne());
    }

    /** Open incidents, or with {@code all} every one; newest first. */
    List<Incident> list(boolean all) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM incident"
                        + (all ? "" : " WHERE state <> 'RESOLVED'") + " ORDER BY id DESC")
                .map(Incidents::map).list());
    }

    void update(Incident incident) {
        database.run("the incident", () -> database.jdbi().useHandle(handle -> handle.createUpdate("UPDATE incident SET severity = :severity, "
                        + "state = :state, acknowledged_by = :by, acknowledged_at = :at, ack_until = :until, resolved_at = :resolved, "
                        + "suppressed_by = :suppressedBy, suppressed_until = :suppressedUntil WHERE id = :id")
                .bind("severity", incident.severity().name()).bind("state", incident.state().name())
                .bind("by", incident.acknowledgedBy().orElse(null))
                .bind("at", incident.acknowledgedAt().map(Instant::toEpochMilli).orElse(null))
                .bind("until", incident.ackUntil().map(Instant::toEpochMilli).orElse(null))
                .bind("resolved", incident.resolvedAt().map(Instant::toEpochMilli).orElse(null))
                .bind("suppressedBy", incident.suppressedBy().orElse(null))
                .bind("suppressedUntil", incident.suppressedUntil().map(Instant::toEpochMilli).orElse(null))
                .bind("id", incident.id()).execute()));
    }

    /**
     * Moves an incident from what was read to its new state, with its event and notifications, only
     * if nobody moved it meanwhile: of two instances noticing an expired acknowledgement or an ended
     * window at once, one pages.
     */
    boolean transition(Incident from, Incident to, Instant at, String actor, String kind, String detail, Outbound outbound) {
        return database.write("the incident", () -> database.jdbi().inTransaction(handle -> {
            int moved = handle.createUpdate("UPDATE incident SET state = :state, acknowledged_by = :by, acknowledged_at = :at, ack_until = :until, "
                            + "suppressed_by = :suppressedBy, "
                            + "suppressed_until = :suppressedUntil WHERE id = :id AND state = :fromState "
                            + "AND COALESCE(ack_until, -1) = :fromUntil AND COALESCE(suppressed_until, -1) = :fromSuppressedUntil")
                    .bind("state", to.state().name()).bind("by", to.acknowledgedBy().orElse(null))
                    .bind("at", to.acknowledgedAt().map(Instant::toEpochMilli).orElse(null))
                    .bind("until", to.ackUntil().map(Instant::toEpochMilli).orElse(null))
                    .bind("suppressedBy", to.suppressedBy().orElse(null))
                    .bind("suppressedUntil", to.suppressedUntil().map(Instant::toEpochMilli).orElse(null))
                    .bind("id", from.id()).bind("fromState", from.state().name())
                    .bind("fromUntil", from.ackUntil().map(Instant::toEpochMilli).orElse(-1L))
                    .bind("fromSuppressedUntil", from.suppressedUntil().map(Instant::toEpochMilli).orElse(-1L)).execute();
            if (moved == 0) return false;
            insertEvent(handle, from.id(), at, actor, kind, detail, outbound);
            return true;
        }));
    }

    /**
     * Resolves the incident if it is open and none of its alerts is active, atomically: two
     * instances resolving its last two alerts at once cannot both leave it open.
     */
    boolean resolveIfQuiet(long incident, Instant at, String actor, Outbound outbound) {
        return database.write("the incident", () -> database.jdbi().inTransaction(handle -> {
            // A write first: on SQLite it takes the write lock; on PostgreSQL the row lock below does.
            handle.createUpdate("UPDATE incident SET state = state WHERE id = :id").bind("id", incident).execute();
            var state = handle.createQuery("SELECT state FROM incident WHERE id = :id" + database.forUpdate()).bind("id", incident)
                    .mapTo(String.class).findOne();
            if (state.isEmpty() || state.get().equals("RESOLVED")) return false;
            int active = handle.createQuery("SELECT count(*) FROM alert WHERE incident_id = :id AND state <> 'OK'").bind("id", incident)
                    .mapTo(Integer.class).one();
            if (active > 0) return false;
            handle.createUpdate("UPDATE incident SET state = 'RESOLVED', resolved_at = :at WHERE id = :id")
                    .bind("at", at.toEpochMilli()).bind("id", incident).execute();
            insertEvent(handle, incident, at, actor, "RESOLVED", "every alert of the incident has resolved", outbound);
            return true;
        }));
    }

    void event(long incident, Instant at, String actor, String kind, String detail) {
        event(incident, at, actor, kind, detail, Outbound.NONE);
    }

    /** Appends to the timeline, with the notifications the event sends, in one transaction. */
    void event(long incident, Instant at, String actor, String kind, String detail, Outbound outbound) {
        database.run("the incident event", () -> database.jdbi().useTransaction(handle -> insertEvent(handle, incident, at, actor, kind, detail, outbound)));
    }

    private static void insertEvent(Handle handle, long incident, Instant at, String actor, String kind, String detail, Outbound outbound) {
        long eventId = handle.createUpdate("INSERT INTO incident_event (incident_id, at, actor, kind, detail) VALUES (:incident, :at, :actor, :kind, :detail)")
                .bind("incident", incident).bind("at", at.toEpochMilli()).bind("actor", actor).bind("kind", kind).bind("detail", detail)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        Outbox.insert(handle, incident, kind, outbound, eventId, at);
    }

    /** The timeline, oldest first. */
    List<TimelineEntry> timeline(long incident) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT at, actor, kind, detail FROM incident_event WHERE incident_id = :incident ORDER BY id")
                .bind("incident", incident)
                .map((row, context) -> new TimelineEntry(Instant.ofEpochMilli(row.getLong(1)), row.getString(2), row.getString(3), row.getString(4)))
                .list());
    }

    private static Incident map(ResultSet row, StatementContext context) throws SQLException {
        return new Incident(row.getLong("id"), row.getString("title"), Severity.valueOf(row.getString("severity")),
                State.valueOf(row.getString("state")), Instant.ofEpochMilli(row.getLong("opened_at")),
                Optional.ofNullable(row.getString("acknowledged_by")), instant(row, "acknowledged_at"), instant(row, "ack_until"),
                instant(row, "resolved_at"), Optional.ofNullable(row.getString("suppressed_by")), instant(row, "suppressed_until"));
    }

    private static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }
}
