package dev.tend.status;

import dev.tend.config.TendConfig;
import dev.tend.schedule.WindowsSection;
import dev.tend.store.Database;
import dev.tend.window.OpeningAnnouncements;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Records, once per opening, that the status page now announces a window's maintenance: the page
 * shows an opening from {@code announceAhead} before it, and this record is what the
 * pre-maintenance checklist's "update status page" item is ticked by. tend serve calls it on every
 * turn of its loop; it looks once a minute, and only a new opening touches the store.
 */
public final class MaintenanceAnnouncer {
    private final TendConfig config;
    private final OpeningAnnouncements announcements;
    private final Clock clock;
    private final Consumer<String> log;
    private final Set<String> known = new HashSet<>();
    /** It looks once a minute, not on every turn of the delivery loop (every 250 ms). */
    private static final java.time.Duration EVERY = java.time.Duration.ofMinutes(1);
    private java.time.Instant next = java.time.Instant.EPOCH;

    public MaintenanceAnnouncer(TendConfig config, Database store, Clock clock, Consumer<String> log) {
        this.config = config;
        this.announcements = new OpeningAnnouncements(store);
        this.clock = clock;
        this.log = log;
    }

    /** Announces the openings that came within the lead time; returns how many were new. */
    public int due() {
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (now.isBefore(next)) return 0;
        next = now.plus(EVERY);
        var settings = StatusPageSection.of(config);
        var calendar = WindowsSection.calendar(config);
        int announced = 0;
        for (var occurrence : calendar.occurrences(now, now.plus(settings.announceAhead()))) {
            var key = occurrence.window() + "@" + occurrence.start();
            if (!occurrence.start().isAfter(now) || known.contains(key)) continue;
            var window = calendar.windows().stream().filter(candidate -> candidate.name().equals(occurrence.window())).findFirst().orElseThrow();
            var affected = StatusPageBuilder.affected(settings, window);
            if (affected.isEmpty()) continue; // nothing public is affected: the page does not show it
            var text = StatusPageBuilder.scheduledText(occurrence, affected);
            boolean fresh = announcements.record(occurrence.window(), occurrence.start(), now, text);
            known.add(key); // recorded, by this instance or another
            if (fresh) {
                announced++;
                log.accept("status page: announced the maintenance of window " + occurrence.window() + " at " + occurrence.start() + ": " + text);
            }
        }
        return announced;
    }
}
