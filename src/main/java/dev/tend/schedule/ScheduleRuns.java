package dev.tend.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import dev.tend.store.Database;

/** The schedule_run table: one row per scheduled occurrence, written as it starts and ended as it ends. */
public final class ScheduleRuns {
    private static final String COLUMNS = "id, schedule, action, due_at, run_at, started_at, finished_at, status, instance, detail";
    private final Database database;

    public ScheduleRuns(Database database) {
        this.database = database;
    }

    /** Records a scheduled run as it starts (or as skipped/missed, already finished); returns its id. */
    public long save(ScheduleRun run) {
        return database.write("the scheduled run", () -> database.jdbi().withHandle(handle -> handle.createUpdate("INSERT INTO schedule_run "
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
                .one()));
    }

    /** Ends a RUNNING record: its status, when, and what happened. */
    public void finish(long id, ScheduleRun.Status status, Instant finishedAt, String detail) {
        database.run("the scheduled run", () -> database.jdbi().useHandle(handle -> handle.createUpdate("UPDATE schedule_run SET status = :status, finished_at = :finished, detail = :detail "
                        + "WHERE id = :id AND status = 'RUNNING'")
                .bind("status", status.name()).bind("finished", finishedAt.toEpochMilli()).bind("detail", detail).bind("id", id)
                .execute()));
    }

    /** Marks the RUNNING record of a schedule's occurrence as INTERRUPTED (its instance died); returns how many were. */
    public int interrupt(String schedule, Instant dueAt, Instant at, String detail) {
        return database.write("the interruption", () -> database.jdbi().withHandle(handle -> handle.createUpdate("UPDATE schedule_run SET status = 'INTERRUPTED', finished_at = :at, detail = :detail "
                        + "WHERE schedule = :schedule AND due_at = :due AND status = 'RUNNING'")
                .bind("at", at.toEpochMilli()).bind("detail", detail).bind("schedule", schedule).bind("due", dueAt.toEpochMilli())
                .execute()));
    }

    /** Runs of one schedule, newest first. */
    public List<ScheduleRun> recent(String schedule, int limit) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM schedule_run WHERE schedule = :schedule "
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
