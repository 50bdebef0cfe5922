package dev.tend.postgres.task;

import dev.tend.check.Failures;
import dev.tend.check.Measurement;
import dev.tend.postgres.PostgresTarget;
import dev.tend.task.TaskOutcome;
import dev.tend.task.TaskOutcome.Result;
import dev.tend.task.TaskRequest;
import java.sql.SQLException;
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

    /**
     * A run that failed on a database error: PostgreSQL's words (or the driver's, without Java names).
     * {@code aftermath} says what is left after a failed statement; it is dropped when Tend never got
     * in (refused, unknown database, bad password), where no statement ran.
     */
    TaskOutcome failed(SQLException failure, String aftermath) {
        var state = failure.getSQLState() == null ? "" : failure.getSQLState();
        boolean neverConnected = state.equals("08001") || state.equals("08004") || state.startsWith("28") || state.equals("3D000");
        if (neverConnected) return end(Result.FAILED, "could not connect to " + target.where() + ": " + Failures.describe(failure));
        return end(Result.FAILED, Failures.describe(failure) + (aftermath.isEmpty() ? "" : " " + aftermath));
    }

    TaskOutcome end(Result result, String reason) {
        return end(result, reason, List.of(), List.of());
    }

    TaskOutcome end(Result result, String reason, List<Measurement> before, List<Measurement> after) {
        return new TaskOutcome(task.name(), target.name(), scope, result, reason, request.dryRun(), startedAt,
                Duration.ofNanos(System.nanoTime() - start), List.copyOf(steps), before, after);
    }
}
