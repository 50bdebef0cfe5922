package dev.tend.alert.notify;

import dev.tend.store.Database;
import dev.tend.store.JsonColumns;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import tools.jackson.core.type.TypeReference;

/** The notification table: written with the event that causes it, claimed and settled by whichever instance delivers it. */
public final class Outbox {
    private static final TypeReference<Message> MESSAGE = new TypeReference<>() {};
    private final Database database;

    public Outbox(Database database) {
        this.database = database;
    }

    /** One pending row per notifier, in the caller's transaction (so the event and its notifications commit together). */
    public static void insert(Handle handle, long incident, String event, Outbound outbound, long eventId, Instant now) {
        outbound.after().write(handle, incident, eventId);
        if (outbound.notifiers().isEmpty()) return;
        var message = outbound.message().make(incident, eventId);
        var payload = JsonColumns.write(message);
        for (var notifier : outbound.notifiers()) {
            handle.createUpdate("INSERT INTO notification (incident_id, event, notifier, idempotency_key, payload, state, attempts, "
                            + "next_attempt_at, last_error, created_at) VALUES (:incident, :event, :notifier, :key, :payload, 'PENDING', 0, :now, '', :now)")
                    .bind("incident", incident).bind("event", event).bind("notifier", notifier).bind("key", message.idempotencyKey())
                    .bind("payload", payload).bind("now", now.toEpochMilli()).execute();
        }
    }

    /** Writes the notifications telling others that a delivery died (their own transaction: nothing else changes with them). */
    public void deadLetter(long incident, Outbound outbound, long deadId, Instant now) {
        database.run("the dead letter", () -> database.jdbi().useTransaction(handle -> insert(handle, incident, "DEAD_LETTER", outbound, deadId, now)));
    }

    /** A notification claimed for one attempt. */
    public record Pending(long id, String event, String notifier, int attempts, Message message) {}

    /** What one claim took: the rows, and the token that holds those not yet settled. */
    public record Claim(String token, List<Pending> rows) {}

    /**
     * Claims up to {@code limit} due notifications for {@code lease}: another instance skips them
     * until the lease ends (a claimant that dies mid-delivery leaves them to the next, at least once).
     */
    public Claim claim(Instant now, java.time.Duration lease, int limit) {
        var token = UUID.randomUUID().toString();
        return database.write("the notification claim", () -> database.jdbi().inTransaction(handle -> {
            // The conditions are repeated outside the subquery: on PostgreSQL a row another claim just took
            // is checked again after its lock is released, and skipped.
            handle.createUpdate("UPDATE notification SET claimed_by = :token, claimed_until = :until WHERE state = 'PENDING' "
                            + "AND next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until < :now) AND id IN (SELECT id FROM notification "
                            + "WHERE state = 'PENDING' AND next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until < :now) ORDER BY id LIMIT :limit)")
                    .bind("token", token).bind("until", now.plus(lease).toEpochMilli()).bind("now", now.toEpochMilli()).bind("limit", limit).execute();
            return new Claim(token, handle.createQuery("SELECT id, event, notifier, attempts, payload FROM notification WHERE claimed_by = :token ORDER BY id")
                    .bind("token", token)
                    .map((row, context) -> new Pending(row.getLong(1), row.getString(2), row.getString(3), row.getInt(4),
                            JsonColumns.read(row.getString(5), MESSAGE)))
                    .list());
        }));
    }

    /**
     * Holds what a claim has not settled yet until {@code until}: a living deliverer renews its
     * lease before an attempt that might outlast it; a dead one's rows come free when it lapses.
     */
    public void extend(String token, Instant until) {
        database.run("the notification claim", () -> database.jdbi().useHandle(handle -> handle.createUpdate(
                "UPDATE notification SET claimed_until = :until WHERE claimed_by = :token").bind("token", token).bind("until", until.toEpochMilli()).execute()));
    }

    /** Whether a later notification of the same incident went to the same notifier (a refresh of older news is then moot). */
    public boolean superseded(long id) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT count(*) FROM notification later JOIN notification this "
                        + "ON later.incident_id = this.incident_id AND later.notifier = this.notifier AND later.id > this.id WHERE this.id = :id")
                .bind("id", id).mapTo(Long.class).one()) > 0;
    }

    public void delivered(long id, Instant now, String answer) {
        settle("UPDATE notification SET state = 'DELIVERED', attempts = attempts + 1, delivered_at = :now, last_error = :answer, "
                + "claimed_by = NULL, claimed_until = NULL WHERE id = :id", id, now, answer);
    }

    public void retry(long id, Instant next, String error) {
        settle("UPDATE notification SET attempts = attempts + 1, next_attempt_at = :now, last_error = :answer, claimed_by = NULL, "
                + "claimed_until = NULL WHERE id = :id", id, next, error);
    }

    public void dead(long id, Instant now, String error) {
        settle("UPDATE notification SET state = 'DEAD', attempts = attempts + 1, last_error = :answer, claimed_by = NULL, claimed_until = NULL, "
                + "delivered_at = :now WHERE id = :id", id, now, error);
    }

    /** Notifications by state (PENDING, DELIVERED, DEAD), newest first. */
    public List<Row> list(String state, int limit) {
        return rows("WHERE state = :state ORDER BY id DESC LIMIT :limit", query -> query.bind("state", state).bind("limit", limit));
    }

    /** How many notifications are in each state (PENDING, DELIVERED, DEAD); a state with none is absent. */
    public java.util.Map<String, Long> countByState() {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT state, count(*) FROM notification GROUP BY state")
                .reduceRows(new java.util.TreeMap<String, Long>(), (counts, row) -> {
                    counts.put(row.getColumn(1, String.class), row.getColumn(2, Long.class));
                    return counts;
                }));
    }

    /** An incident's notifications, oldest first. */
    public List<Row> ofIncident(long incident) {
        return rows("WHERE incident_id = :incident ORDER BY id", query -> query.bind("incident", incident));
    }

    private List<Row> rows(String where, java.util.function.UnaryOperator<org.jdbi.v3.core.statement.Query> binding) {
        return database.jdbi().withHandle(handle -> binding.apply(handle.createQuery(
                        "SELECT id, incident_id, event, notifier, state, attempts, last_error, created_at, delivered_at FROM notification " + where))
                .map((row, context) -> new Row(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4), row.getString(5),
                        row.getInt(6), row.getString(7), Instant.ofEpochMilli(row.getLong(8)),
                        row.getObject(9) == null ? java.util.Optional.empty() : java.util.Optional.of(Instant.ofEpochMilli(row.getLong(9)))))
                .list());
    }

    public record Row(long id, long incident, String event, String notifier, String state, int attempts, String lastAnswer, Instant createdAt,
            java.util.Optional<Instant> deliveredAt) {}

    private void settle(String sql, long id, Instant at, String answer) {
        database.run("the notification", () -> database.jdbi().useHandle(handle -> handle.createUpdate(sql)
                .bind("id", id).bind("now", at.toEpochMilli()).bind("answer", answer).execute()));
    }
}
