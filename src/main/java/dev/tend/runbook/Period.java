package dev.tend.runbook;

import java.time.Instant;

/** The stretch of time an item must be done in: [start, end). */
public record Period(Instant start, Instant end, String label) {

    public boolean contains(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }
}
