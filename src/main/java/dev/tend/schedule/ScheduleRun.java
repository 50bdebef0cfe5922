package dev.tend.schedule;

import java.time.Instant;
import java.util.Optional;

/** The record of one scheduled occurrence: due when, started when and where, how it ended. */
public record ScheduleRun(
        long id,
        String schedule,
        String action,
        Instant dueAt,
        Instant runAt,
        Instant startedAt,
        Optional<Instant> finishedAt,
        Status status,
        String instance,
        String detail) {

    public enum Status { RUNNING, SUCCEEDED, FAILED, SKIPPED, MISSED, INTERRUPTED }

    public Optional<java.time.Duration> duration() {
        return finishedAt.map(finished -> java.time.Duration.between(startedAt, finished));
    }
}
