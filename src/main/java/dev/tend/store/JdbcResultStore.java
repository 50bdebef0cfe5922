package dev.tend.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.tend.check.CheckResult;
import dev.tend.check.Status;
import dev.tend.task.TaskOutcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The one JDBC implementation: the SQL below runs unchanged on SQLite and PostgreSQL. */
final class JdbcResultStore implements ResultStore {
    private static final String COLUMNS = "target, check_name, status, reason, measurements, started_at, duration_ms";
    private static final String OUTCOME_COLUMNS =
            "task, target, object, result, reason, dry_run, started_at, duration_ms, steps, figures_before, figures_after";
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    JdbcResultStore(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
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
