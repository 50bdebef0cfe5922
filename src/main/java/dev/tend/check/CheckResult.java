package dev.tend.check;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The immutable record of one check run: what was probed, when, how long it took, what it found. */
public record CheckResult(
        String target,
        String check,
        Status status,
        String reason,
        List<Measurement> measurements,
        Instant startedAt,
        Duration duration) {

    public CheckResult withReason(String newReason) {
        return new CheckResult(target, check, status, newReason, measurements, startedAt, duration);
    }
}
