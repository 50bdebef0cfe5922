package dev.tend.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.tend.backup.Verification;
import dev.tend.check.CheckResult;
import dev.tend.runbook.MaintenanceEvent;
import dev.tend.runbook.MaintenanceRun;
import dev.tend.runbook.SignOff;
import dev.tend.schedule.ScheduleRun;
import dev.tend.check.Status;
import dev.tend.task.TaskOutcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The one JDBC implementation: the SQL below runs unchanged on SQLite and PostgreSQL. */
final class JdbcResultStore implements ResultStore {
    private static final String COLUMNS = "target, check_name, status, reason, measurements, started_at, duration_ms";
    private static final String OUTCOME_COLUMNS =
            "task, target, object, result, reason, dry_run, started_at, duration_ms, steps, figures_before, figures_after";
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private final ScheduleRuns scheduleRuns;

    JdbcResultStore(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.scheduleRuns = new ScheduleRuns(jdbi);
        this.maintenanceRuns = new MaintenanceRuns(jdbi);
    }

    private final MaintenanceRuns maintenanceRuns;

    @Override
    public long createRun(MaintenanceRun run) {
        return write("the maintenance run", () -> maintenanceRuns.create(run));
    }

    @Override
    public void updateRun(MaintenanceRun run) {
        write("the maintenance run", () -> {
            maintenanceRuns.update(run);
            return null;
        });
    }

    @Override
    public boolean claimRun(long id, MaintenanceRun.State from, int position, MaintenanceRun.State to) {
        return write("the maintenance run", () -> jdbi.withHandle(handle -> handle.createUpdate(
                        "UPDATE maintenance_run SET state = :to WHERE id = :id AND state = :from AND position = :position")
                .bind("to", to.name()).bind("id", id).bind("from", from.name()).bind("position", position)
                .execute()) == 1);
    }

    @Override
    public java.util.Optional<MaintenanceRun> maintenanceRun(long id) {
        return maintenanceRuns.find(id);
    }

    @Override
    public void saveEvent(MaintenanceEvent event) {
        write("the maintenance event", () -> {
            maintenanceRuns.event(event);
            return null;
        });
    }

    @Override
    public List<MaintenanceEvent> events(long runId) {
        return maintenanceRuns.events(runId);
    }

    /** The pool, for db-scheduler, which keeps its executions in the same database. */
    @Override
    public javax.sql.DataSource dataSource() {
        return dataSource;
    }

    @Override
    public long saveRun(ScheduleRun run) {
        return write("the scheduled run", () -> scheduleRuns.save(run));
    }

    @Override
    public void finishRun(long id, ScheduleRun.Status status, Instant finishedAt, String detail) {
        write("the scheduled run", () -> {
            scheduleRuns.finish(id, status, finishedAt, detail);
            return null;
        });
    }

    @Override
    public int interruptRuns(String schedule, Instant dueAt, Instant at, String detail) {
        return write("the interruption", () -> scheduleRuns.interrupt(schedule, dueAt, at, detail));
    }

    @Override
    public List<ScheduleRun> runs(String schedule, int limit) {
        return scheduleRuns.runs(schedule, limit);
    }

    @Override
    public void saveSignOff(SignOff signOff) {
        write("the sign-off", () -> jdbi.withHandle(handle -> handle.createUpdate("INSERT INTO checklist_signoff "
                        + "(checklist, item, period_start, period_label, person, role, comment, signed_at) "
                        + "VALUES (:checklist, :item, :start, :label, :person, :role, :comment, :signed)")
                .bind("checklist", signOff.checklist()).bind("item", signOff.item()).bind("start", signOff.periodStart().toEpochMilli())
                .bind("label", signOff.period()).bind("person", signOff.person()).bind("role", signOff.role())
                .bind("comment", signOff.comment()).bind("signed", signOff.signedAt().toEpochMilli())
                .execute()));
    }

    @Override
    public List<SignOff> signOffs(String checklist, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT checklist, item, period_start, period_label, person, role, comment, signed_at "
                        + "FROM checklist_signoff WHERE checklist = :checklist ORDER BY id DESC LIMIT :limit")
                .bind("checklist", checklist).bind("limit", limit)
                .map((row, context) -> new SignOff(row.getString(1), row.getString(2), Instant.ofEpochMilli(row.getLong(3)), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7), Instant.ofEpochMilli(row.getLong(8))))
                .list());
    }

    private static <T> T write(String what, java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            throw new StoreException("cannot write " + what + " to the store: " + e.getMessage(), e);
        }
    }

    @Override
    public void save(List<CheckResult> results) {
        if (results.isEmpty()) return;
        try {
            insert(results);
        } catch (RuntimeException e) {
            throw new StoreException("cannot write results to the store: " + e.getMessage(), e);
        }
    }

    private void insert(List<CheckResult> results) {
        jdbi.useTransaction(handle -> {
            var batch = handle.prepareBatch("INSERT INTO check_result (" + COLUMNS + ") VALUES "
                    + "(:target, :check, :status, :reason, :measurements, :startedAt, :durationMs)");
            for (var result : results) {
                batch.bind("target", result.target())
                        .bind("check", result.check())
                        .bind("status", result.status().name())
                        .bind("reason", result.reason())
                        .bind("measurements", Measurements.toJson(result.measurements()))
                        .bind("startedAt", result.startedAt().toEpochMilli())
                        .bind("durationMs", result.duration().toMillis())
                        .add();
            }
            batch.execute();
        });
    }

    @Override
    public List<CheckResult> latest() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM check_result WHERE id IN "
                        + "(SELECT max(id) FROM check_result GROUP BY target, check_name) ORDER BY target, check_name")
                .map(JdbcResultStore::map)
                .list());
    }

    @Override
    public List<CheckResult> history(String target, String check, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM check_result "
                        + "WHERE target = :target AND check_name = :check ORDER BY id DESC LIMIT :limit")
                .bind("target", target)
                .bind("check", check)
                .bind("limit", limit)
                .map(JdbcResultStore::map)
                .list());
    }

    @Override
    public void saveOutcome(TaskOutcome outcome) {
        try {
            jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO task_outcome (" + OUTCOME_COLUMNS + ") VALUES "
                            + "(:task, :target, :object, :result, :reason, :dryRun, :startedAt, :durationMs, :steps, :before, :after)")
                    .bind("task", outcome.task())
                    .bind("target", outcome.target())
                    .bind("object", outcome.object())
                    .bind("result", outcome.result().name())
                    .bind("reason", outcome.reason())
                    .bind("dryRun", outcome.dryRun())
                    .bind("startedAt", outcome.startedAt().toEpochMilli())
                    .bind("durationMs", outcome.duration().toMillis())
                    .bind("steps", String.join("\n", outcome.steps()))
                    .bind("before", Measurements.toJson(outcome.before()))
                    .bind("after", Measurements.toJson(outcome.after()))
                    .execute());
        } catch (RuntimeException e) {
            throw new StoreException("cannot write the task outcome to the store: " + e.getMessage(), e);
        }
    }

    @Override
    public List<TaskOutcome> outcomes(String target, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + OUTCOME_COLUMNS + " FROM task_outcome "
                        + "WHERE target = :target ORDER BY id DESC LIMIT :limit")
                .bind("target", target)
                .bind("limit", limit)
                .map((row, context) -> new TaskOutcome(row.getString("task"), row.getString("target"), row.getString("object"),
                        TaskOutcome.Result.valueOf(row.getString("result")), row.getString("reason"), row.getBoolean("dry_run"),
                        Instant.ofEpochMilli(row.getLong("started_at")), Duration.ofMillis(row.getLong("duration_ms")),
                        row.getString("steps").isEmpty() ? List.of() : List.of(row.getString("steps").split("\n")),
                        Measurements.fromJson(row.getString("figures_before")), Measurements.fromJson(row.getString("figures_after"))))
                .list());
    }

    @Override
    public void saveIndexScans(String target, Instant at, Map<String, Long> scans) {
        if (scans.isEmpty()) return;
        try {
            jdbi.useTransaction(handle -> {
                // Only change points are kept: a row when an index is first seen or its count moved.
                // The table then grows with activity, not with every report run.
                var latest = latestScans(handle, target);
                var batch = handle.prepareBatch("INSERT INTO index_scan_snapshot (target, index_name, idx_scan, taken_at) "
                        + "VALUES (:target, :index, :scans, :at)");
                int rows = 0;
                for (var entry : scans.entrySet()) {
                    var previous = latest.get(entry.getKey());
                    if (previous != null && previous.scans() == entry.getValue()) continue;
                    batch.bind("target", target).bind("index", entry.getKey()).bind("scans", entry.getValue())
                            .bind("at", at.toEpochMilli()).add();
                    rows++;
                }
                if (rows > 0) batch.execute();
            });
        } catch (RuntimeException e) {
            throw new StoreException("cannot write index scan snapshots to the store: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, Instant> unscannedSince(String target, Map<String, Long> current) {
        var latest = jdbi.withHandle(handle -> latestScans(handle, target));
        var since = new HashMap<String, Instant>();
        current.forEach((index, scans) -> {
            var point = latest.get(index);
            if (point != null && point.scans() == scans) since.put(index, point.at());
        });
        return since;
    }

    private record ScanPoint(long scans, Instant at) {}

    /** The latest change point of each index of a target. */
    private static Map<String, ScanPoint> latestScans(org.jdbi.v3.core.Handle handle, String target) {
        var latest = new HashMap<String, ScanPoint>();
        handle.createQuery("SELECT index_name, idx_scan, taken_at FROM index_scan_snapshot WHERE id IN "
                        + "(SELECT max(id) FROM index_scan_snapshot WHERE target = :target GROUP BY index_name)")
                .bind("target", target)
                .map((row, context) -> Map.entry(row.getString(1), new ScanPoint(row.getLong(2), Instant.ofEpochMilli(row.getLong(3)))))
                .forEach(entry -> latest.put(entry.getKey(), entry.getValue()));
        return latest;
    }

    @Override
    public void saveVerification(Verification verification) {
        try {
            jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO backup_verification "
                            + "(backup, backup_id, kind, passed, started_at, duration_ms, details) "
                            + "VALUES (:backup, :backupId, :kind, :passed, :startedAt, :durationMs, :details)")
                    .bind("backup", verification.backup())
                    .bind("backupId", verification.backupId())
                    .bind("kind", verification.kind())
                    .bind("passed", verification.passed())
                    .bind("startedAt", verification.startedAt().toEpochMilli())
                    .bind("durationMs", verification.duration().toMillis())
                    .bind("details", VerificationRows.details(verification))
                    .execute());
        } catch (RuntimeException e) {
            throw new StoreException("cannot write the verification to the store: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Verification> verifications(String backup, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT backup, backup_id, kind, passed, started_at, duration_ms, details "
                        + "FROM backup_verification WHERE backup = :backup ORDER BY id DESC LIMIT :limit")
                .bind("backup", backup)
                .bind("limit", limit)
                .map((row, context) -> VerificationRows.read(row.getString(1), row.getString(2), row.getString(3), row.getBoolean(4),
                        row.getLong(5), row.getLong(6), row.getString(7)))
                .list());
    }

    private static CheckResult map(ResultSet row, StatementContext context) throws SQLException {
        return new CheckResult(row.getString("target"), row.getString("check_name"), Status.valueOf(row.getString("status")),
                row.getString("reason"), Measurements.fromJson(row.getString("measurements")),
                Instant.ofEpochMilli(row.getLong("started_at")), Duration.ofMillis(row.getLong("duration_ms")));
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
