package dev.tend.postgres.task;

import dev.tend.postgres.PostgresTarget;
import dev.tend.task.Impact;
import dev.tend.task.TaskOutcome;
import dev.tend.task.TaskRequest;
import java.time.Clock;

/** A maintenance task on a PostgreSQL target. Never throws: every ending is a {@link TaskOutcome}. */
public interface PgTask {

    String name();

    Impact impact();

    TaskOutcome run(PostgresTarget target, TaskRequest request, Clock clock);
}
