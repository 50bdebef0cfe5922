package dev.tend.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.tend.check.CheckResult;
import dev.tend.check.Status;
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
