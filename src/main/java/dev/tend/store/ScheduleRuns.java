package dev.tend.store;

import dev.tend.schedule.ScheduleRun;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The schedule_run table: one row per scheduled occurrence, written as it starts and ended as it ends. */
final class ScheduleRuns {
    private static final String COLUMNS = "id, schedule, action, due_at, run_at, started_at, finished_at, status, instance, detail";
    private final Jdbi jdbi;

    ScheduleRuns(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    long save(ScheduleRun run) {
        return jdbi.withHandle(handle -> handle.createUpdate("INSERT INTO schedule_run "
                        + "(schedule, action, due_at, run_at, started_at, finished_at, status, instance, detail) "
                        + "VALUES (:schedule, :action, :due, :run, :started, :finished, :status, :instance, :detail)")
                .bind("schedule", run.schedule())
                .bind("action", run.action())
                .bind("due", run.dueAt().toEpochMilli())
                .bind("run", run.runAt().toEpochMilli())
                .bind("started", run.startedAt().toEpochMilli())
                .bind("finished", run.finishedAt().map(Instant::toEpochMilli).orElse(null))
                .bind("status", run.status().name())
                .bind("instance", run.instance())
                .bind("detail", run.detail())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
    }

    void finish(long id, ScheduleRun.Status status, Instant finishedAt, String detail) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE schedule_run SET status = :status, finished_at = :finished, detail = :detail "
                        + "WHERE id = :id AND status = 'RUNNING'")
                .bind("status", status.name()).bind("finished", finishedAt.toEpochMilli()).bind("detail", detail).bind("id", id)
                .execute());
    }

    int interrupt(String schedule, Instant dueAt, Instant at, String detail) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE schedule_run SET status = 'INTERRUPTED', finished_at = :at, detail = :detail "
                        + "WHERE schedule = :schedule AND due_at = :due AND status = 'RUNNING'")
                .bind("at", at.toEpochMilli()).bind("detail", detail).bind("schedule", schedule).bind("due", dueAt.toEpochMilli())
                .execute());
    }

    List<ScheduleRun> runs(String schedule, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM schedule_run WHERE schedule = :schedule "
                        + "ORDER BY id DESC LIMIT :limit")
                .bind("schedule", schedule).bind("limit", limit)
                .map((row, context) -> {
                    long finished = row.getLong("finished_at");
                    boolean unfinished = row.wasNull();
                    return new ScheduleRun(row.getLong("id"), row.getString("schedule"), row.getString("action"),
                            Instant.ofEpochMilli(row.getLong("due_at")), Instant.ofEpochMilli(row.getLong("run_at")),
                            Instant.ofEpochMilli(row.getLong("started_at")),
                            unfinished ? Optional.empty() : Optional.of(Instant.ofEpochMilli(finished)),
                            ScheduleRun.Status.valueOf(row.getString("status")), row.getString("instance"), row.getString("detail"));
                })
                .list());
    }
}
