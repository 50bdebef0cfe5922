package dev.tend.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * One due occurrence of a schedule and what becomes of it: it runs at {@code runAt} (perhaps in a
 * window, perhaps later than due because it waits for one), or it is skipped or blocked, with why.
 */
public record PlannedRun(String schedule, String action, Instant due, Optional<Instant> runAt, Optional<String> window, Outcome outcome,
        String note) {

    public enum Outcome {
        /** runs when due (plus jitter) */
        RUNS,
        /** disruptive: waits for the next window long enough for it */
        WAITS,
        /** this occurrence will not run (its window is too short) */
        SKIPPED,
        /** no window lets it run at all within the search horizon */
        BLOCKED
    }
}
