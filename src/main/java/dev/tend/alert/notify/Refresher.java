package dev.tend.alert.notify;

import dev.tend.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Tells again what a far end would otherwise forget: for each notifier with a refresh interval
 * (Alertmanager), each open incident whose last notification to it was delivered that long ago
 * gets that notification once more, as a new outbox row. The row's key names the interval it
 * belongs to, so two instances refreshing at once add it once (the key is unique per notifier).
 */
public final class Refresher {
    /** The outbox event of a refresh; the deliverer skips one that newer news of its incident overtook. */
    public static final String EVENT = "REFRESH";

    private final Database database;
    private final Map<String, Duration> every;

    /** @param every the notifiers to refresh, by name, and how often */
    public Refresher(Database database, Map<String, Duration> every) {
        this.database = database;
        this.every = Map.copyOf(every);
    }

    /** Adds the refreshes due at {@code now}; returns how many. */
    public int due(Instant now) {
        if (every.isEmpty()) return 0;
        int added = 0;
        for (var notifier : every.entrySet()) {
            long interval = notifier.getValue().toMillis();
            added += database.write("the notification refresh", () -> database.jdbi().inTransaction(handle -> handle.createUpdate(
                            "INSERT INTO notification (incident_id, event, notifier, idempotency_key, payload, state, attempts, next_attempt_at, "
                                    + "last_error, created_at) SELECT n.incident_id, :event, n.notifier, "
                                    + "n.idempotency_key || '-refresh-' || CAST(:slot AS TEXT), n.payload, 'PENDING', 0, :now, '', :now "
                                    + "FROM notification n JOIN incident i ON i.id = n.incident_id "
                                    + "WHERE n.notifier = :notifier AND i.state <> 'RESOLVED' AND n.state = 'DELIVERED' AND n.created_at <= :before "
                                    + "AND n.id = (SELECT max(m.id) FROM notification m WHERE m.incident_id = n.incident_id AND m.notifier = n.notifier) "
                                    + "ON CONFLICT (idempotency_key, notifier) DO NOTHING")
                    .bind("event", EVENT).bind("notifier", notifier.getKey()).bind("slot", now.toEpochMilli() / interval)
                    .bind("now", now.toEpochMilli()).bind("before", now.toEpochMilli() - interval).execute()));
        }
        return added;
    }
}
