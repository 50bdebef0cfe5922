package dev.tend.schedule;

import dev.tend.window.MaintenanceWindows;
import dev.tend.window.WindowOccurrence;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * All configured windows together: which is open for a target now, and when the next opening
 * long enough for a piece of work comes. This is the window check disruptive tasks ask.
 */
public final class MaintenanceCalendar implements MaintenanceWindows {
    /** How far ahead a search for a fitting window looks before it gives up. */
    public static final Duration HORIZON = Duration.ofDays(400);
    private static final Duration SEARCH_STEP = Duration.ofDays(35);
    private final List<MaintenanceWindow> windows;

    public MaintenanceCalendar(List<MaintenanceWindow> windows) {
        this.windows = List.copyOf(windows);
    }

    public List<MaintenanceWindow> windows() {
        return windows;
    }

    /** Every opening overlapping [from, to), by start. */
    public List<WindowOccurrence> occurrences(Instant from, Instant to) {
        return windows.stream().flatMap(window -> window.between(from, to).stream())
                .sorted(Comparator.comparing(WindowOccurrence::start).thenComparing(WindowOccurrence::window)).toList();
    }

    @Override
    public List<WindowOccurrence> openingsFor(String target, Instant from, Instant to) {
        return windows.stream().filter(window -> window.covers(target)).flatMap(window -> window.between(from, to).stream()).toList();
    }

    @Override
    public boolean isOpen(String target, Instant at) {
        return openAt(target, at).isPresent();
    }

    @Override
    public Optional<WindowOccurrence> openAt(String target, Instant at) {
        return windows.stream().filter(window -> window.covers(target))
                .flatMap(window -> window.between(at, at.plusNanos(1)).stream())
                .filter(occurrence -> occurrence.contains(at))
                .max(Comparator.comparing(occurrence -> occurrence.left(at)));
    }

    /**
     * The first opening for the target, at or after {@code after}, with at least {@code needed}
     * left from when the work could start in it; openings too short are passed to {@code tooShort}.
     */
    public Optional<WindowOccurrence> nextFitting(String target, Instant after, Duration needed, Consumer<WindowOccurrence> tooShort) {
        var covering = windows.stream().filter(window -> window.covers(target)).toList();
        var seen = new HashSet<WindowOccurrence>();
        for (var step = after; step.isBefore(after.plus(HORIZON)); step = step.plus(SEARCH_STEP)) {
            var from = step;
            var to = step.plus(SEARCH_STEP);
            var found = covering.stream().flatMap(window -> window.between(from, to).stream())
                    .sorted(Comparator.comparing(WindowOccurrence::start)).toList();
            for (var occurrence : found) {
                if (!occurrence.end().isAfter(after) || !seen.add(occurrence)) continue;
                if (occurrence.left(after).compareTo(needed) >= 0) return Optional.of(occurrence);
                tooShort.accept(occurrence);
            }
        }
        return Optional.empty();
    }
}
