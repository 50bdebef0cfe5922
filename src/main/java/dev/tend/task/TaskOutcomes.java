package dev.tend.task;

import dev.tend.check.MeasurementColumns;
import dev.tend.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The task_outcome table: the evidence of every task run (maintenance tasks, backups, pruning), appended. */
public final class TaskOutcomes {
    private static final String COLUMNS =
            "task, target, object, result, reason, dry_run, started_at, duration_ms, steps, figures_before, figures_after";
    private final Database database;

    public TaskOutcomes(Database database) {
        this.database = database;
    }

    public void save(TaskOutcome outcome) {
        database.run("the task outcome", () -> database.jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO task_outcome (" + COLUMNS
                        + ") VALUES (:task, :target, :object, :result, :reason, :dryRun, :startedAt, :durationMs, :steps, :before, :after)")
                .bind("task", outcome.task())
                .bind("target", outcome.target())
                .bind("object", outcome.object())
                .bind("result", outcome.result().name())
                .bind("reason", outcome.reason())
                .bind("dryRun", outcome.dryRun())
                .bind("startedAt", outcome.startedAt().toEpochMilli())
                .bind("durationMs", outcome.duration().toMillis())
                .bind("steps", String.join("\n", outcome.steps()))
                .bind("before", MeasurementColumns.write(outcome.before()))
                .bind("after", MeasurementColumns.write(outcome.after()))
                .execute()));
    }

    /** Task runs on one target, newest first. */
    public List<TaskOutcome> recent(String target, int limit) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM task_outcome "
                        + "WHERE target = :target ORDER BY id DESC LIMIT :limit")
                .bind("target", target)
                .bind("limit", limit)
                .map((row, context) -> new TaskOutcome(row.getString("task"), row.getString("target"), row.getString("object"),
                        TaskOutcome.Result.valueOf(row.getString("result")), row.getString("reason"), row.getBoolean("dry_run"),
                        Instant.ofEpochMilli(row.getLong("started_at")), Duration.ofMillis(row.getLong("duration_ms")),
                        row.getString("steps").isEmpty() ? List.of() : List.of(row.getString("steps").split("\n")),
                        MeasurementColumns.read(row.getString("figures_before")), MeasurementColumns.read(row.getString("figures_after"))))
                .list());
    }
}
