package dev.tend.postgres.task;

import dev.tend.check.Measurement;
import dev.tend.postgres.PostgresTarget;
import dev.tend.task.TaskOutcome;
import dev.tend.task.TaskOutcome.Result;
import dev.tend.task.TaskRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Collects what a task run did (its steps) and turns each way it can end into a {@link TaskOutcome}. */
final class Outcomes {
    private final PgTask task;
    private final PostgresTarget target;
    private final TaskRequest request;
    private final String scope;
    private final Instant startedAt;
    private final long start = System.nanoTime();
    final List<String> steps = new ArrayList<>();

    Outcomes(PgTask task, PostgresTarget target, TaskRequest request, String scope, Clock clock) {
        this.task = task;
        this.target = target;
        this.request = request;
        this.scope = scope;
        this.startedAt = clock.instant();
    }

    Instant startedAt() {
        return startedAt;
    }

    TaskOutcome end(Result result, String reason) {
        return end(result, reason, List.of(), List.of());
    }

    TaskOutcome end(Result result, String reason, List<Measurement> before, List<Measurement> after) {
        return new TaskOutcome(task.name(), target.name(), scope, result, reason, request.dryRun(), startedAt,
                Duration.ofNanos(System.nanoTime() - start), List.copyOf(steps), before, after);
    }
}
