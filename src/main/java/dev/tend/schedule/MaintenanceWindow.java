package dev.tend.schedule;

import dev.tend.window.WindowOccurrence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A maintenance window from tend.yaml: recurring (cron in a time zone, plus a length of real
 * elapsed time) or one-off (a start instant; emergency windows are one-off). It covers the
 * targets it names, or all of them.
 */
public record MaintenanceWindow(
        String name,
        Optional<ZonedCron> recurrence,
        Optional<Instant> oneOff,
        Duration duration,
        boolean emergency,
        List<String> targets,
        String description) {

    public boolean covers(String target) {
        return targets.isEmpty() || targets.contains(target);
    }

    /** Openings that overlap [from, to), in order of start. */
    public List<WindowOccurrence> between(Instant from, Instant to) {
        var occurrences = new ArrayList<WindowOccurrence>();
        if (oneOff.isPresent()) {
            var start = oneOff.get();
            if (start.isBefore(to) && start.plus(duration).isAfter(from)) occurrences.add(occurrence(start));
            return occurrences;
        }
        // An opening that started up to one length before 'from' may still be open.
        for (var start : recurrence.orElseThrow().between(from.minus(duration), to)) {
            if (start.plus(duration).isAfter(from)) occurrences.add(occurrence(start));
        }
        return occurrences;
    }

    private WindowOccurrence occurrence(Instant start) {
        return new WindowOccurrence(name, start, start.plus(duration), emergency);
    }

    /** "0 1 * * SUN#1 (UTC) for 4h", or the one-off start, for listings. */
    public String describe() {
        return recurrence.map(cron -> cron + " for " + dev.tend.check.Units.age(duration))
                .orElseGet(() -> (emergency ? "emergency " : "one-off ") + oneOff.orElseThrow() + " for " + dev.tend.check.Units.age(duration));
    }
}
