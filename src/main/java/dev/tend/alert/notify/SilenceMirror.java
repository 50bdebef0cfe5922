package dev.tend.alert.notify;

import dev.tend.store.Database;
import dev.tend.window.WindowOccurrence;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Mirrors maintenance windows to the notifiers that silence (Alertmanager): each opening of a
 * mirrored window, from a day before it starts until it ends, becomes one outbox row to that
 * notifier, so the silence is delivered, retried and dead-lettered like any notification, and the
 * Prometheus alerts routed through the same Alertmanager keep quiet exactly while Tend's calendar
 * says the work is planned. The row's key names the window and its start: added once, whichever
 * instance gets there first.
 */
public final class SilenceMirror {
    /** How long before an opening its silence is created (Alertmanager lists it as pending meanwhile). */
    public static final Duration LEAD = Duration.ofDays(1);

    private final Database database;
    private final List<Notifier> notifiers;
    private final BiFunction<Instant, Instant, List<WindowOccurrence>> openings;
    private final String platform;
    private final Set<String> added = new HashSet<>();

    /** @param openings the calendar's openings overlapping [from, to) */
    public SilenceMirror(Database database, List<Notifier> notifiers, BiFunction<Instant, Instant, List<WindowOccurrence>> openings, String platform) {
        this.database = database;
        this.notifiers = notifiers.stream().filter(notifier -> !notifier.mirroredWindows().isEmpty()).toList();
        this.openings = openings;
        this.platform = platform;
    }

    /** Adds the silences due by {@code now}; returns how many rows were new. */
    public synchronized int due(Instant now) {
        if (notifiers.isEmpty()) return 0;
        int rows = 0;
        for (var opening : openings.apply(now, now.plus(LEAD))) {
            for (var notifier : notifiers) {
                if (!notifier.mirroredWindows().contains(opening.window())) continue;
                var key = "tend-silence-" + opening.window() + "-" + opening.start().toEpochMilli();
                // Known to this instance already: no write each poll; after a restart the unique key keeps it once.
                if (!added.add(notifier.name() + " " + key)) continue;
                rows += insert(notifier.name(), key, message(key, opening, now), now);
            }
        }
        return rows;
    }

    private Message message(String key, WindowOccurrence opening, Instant now) {
        var title = "maintenance window " + opening.window() + " " + opening.start() + " → " + opening.end();
        return new Message(key, Message.SILENCE, platform, now, "tend", "silenced while the window is open",
                new Message.IncidentView(0, title, "INFO", "SCHEDULED", opening.start()), List.of(), List.of(),
                java.util.Optional.of(new Message.WindowView(opening.window(), opening.start(), opening.end())));
    }

    private int insert(String notifier, String key, Message message, Instant now) {
        return database.write("the silence of a maintenance window", () -> database.jdbi().withHandle(handle -> handle.createUpdate(
                        "INSERT INTO notification (incident_id, event, notifier, idempotency_key, payload, state, attempts, next_attempt_at, "
                                + "last_error, created_at) VALUES (0, 'SILENCE', :notifier, :key, :payload, 'PENDING', 0, :now, '', :now) "
                                + "ON CONFLICT (idempotency_key, notifier) DO NOTHING")
                .bind("notifier", notifier).bind("key", key).bind("payload", dev.tend.store.JsonColumns.write(message))
                .bind("now", now.toEpochMilli()).execute()));
    }
}
