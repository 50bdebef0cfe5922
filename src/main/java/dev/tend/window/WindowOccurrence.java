package dev.tend.window;

import java.time.Duration;
import java.time.Instant;

/** One opening of a maintenance window: [start, end). */
public record WindowOccurrence(String window, Instant start, Instant end, boolean emergency) {

    public boolean contains(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }

    /** Time left at {@code at}; zero once it has closed, the whole length before it opens. */
    public Duration left(Instant at) {
        var from = at.isBefore(start) ? start : at;
        return from.isBefore(end) ? Duration.between(from, end) : Duration.ZERO;
    }
}
