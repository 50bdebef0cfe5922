package dev.tend.task;

import dev.tend.check.Measurement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The evidence of one task run: what ran on what, when, how it ended, the SQL or steps it took,
 * and the figures before and after.
 */
public record TaskOutcome(
        String task,
        String target,
        String object,
        Result result,
        String reason,
        boolean dryRun,
        Instant startedAt,
        Duration duration,
        List<String> steps,
        List<Measurement> before,
        List<Measurement> after) {

    /** How a task run ended. */
    public enum Result {
        SUCCEEDED, FAILED, REFUSED, PLANNED
    }
}
