package dev.tend.check;

import dev.tend.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The check_result table: every result ever recorded, appended and never changed; and
 * check_latest, which points at each check's newest result, written in the same transaction.
 */
public final class ResultHistory {
    private static final String COLUMNS = "target, check_name, status, reason, measurements, started_at, duration_ms";
    private final Database database;

    public ResultHistory(Database database) {
        this.database = database;
    }

    /** Appends results in one transaction. */
    public void save(List<CheckResult> results) {
        if (results.isEmpty()) return;
        database.run("results", () -> database.jdbi().useTransaction(handle -> {
            var batch = handle.prepareBatch("INSERT INTO check_result (" + COLUMNS + ") VALUES "
                    + "(:target, :check, :status, :reason, :measurements, :startedAt, :durationMs)");
            for (var result : results) {
                batch.bind("target", result.target())
                        .bind("check", result.check())
                        .bind("status", result.status().name())
                        .bind("reason", result.reason())
                        .bind("measurements", MeasurementColumns.write(result.measurements()))
                        .bind("startedAt", result.startedAt().toEpochMilli())
                        .bind("durationMs", result.duration().toMillis())
                        .add();
            }
            batch.execute();
            // Each check's newest id, found through the (target, check_name, id) index; the CASE keeps
            // the newer of two instances' rows whatever order they commit in.
            var latest = handle.prepareBatch("INSERT INTO check_latest (target, check_name, result_id) "
                    + "SELECT target, check_name, max(id) FROM check_result WHERE target = :target AND check_name = :check GROUP BY target, check_name "
                    + "ON CONFLICT (target, check_name) DO UPDATE SET result_id = CASE WHEN excluded.result_id > check_latest.result_id "
                    + "THEN excluded.result_id ELSE check_latest.result_id END");
            results.stream().map(result -> List.of(result.target(), result.check())).distinct()
                    .forEach(pair -> latest.bind("target", pair.get(0)).bind("check", pair.get(1)).add());
            latest.execute();
        }));
    }

    /** The most recent result of every (target, check) ever recorded. */
    public List<CheckResult> latest() {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM check_result WHERE id IN "
                        + "(SELECT result_id FROM check_latest) ORDER BY target, check_name")
                .map(ResultHistory::map)
                .list());
    }

    /** Results of one check, newest first. */
    public List<CheckResult> history(String target, String check, int limit) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM check_result "
                        + "WHERE target = :target AND check_name = :check ORDER BY id DESC LIMIT :limit")
                .bind("target", target)
                .bind("check", check)
                .bind("limit", limit)
                .map(ResultHistory::map)
                .list());
    }

    private static CheckResult map(ResultSet row, StatementContext context) throws SQLException {
        return new CheckResult(row.getString("target"), row.getString("check_name"), Status.valueOf(row.getString("status")),
                row.getString("reason"), MeasurementColumns.read(row.getString("measurements")),
                Instant.ofEpochMilli(row.getLong("started_at")), Duration.ofMillis(row.getLong("duration_ms")));
    }
}
