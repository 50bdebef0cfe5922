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
        // Through the primary key, whatever the statistics say: a join or "IN (subquery)" lets PostgreSQL
        // choose to hash every result ever taken when check_latest has not been analyzed yet.
        var ids = database.isPostgres() ? "id = ANY(ARRAY(SELECT result_id FROM check_latest))" : "id IN (SELECT result_id FROM check_latest)";
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM check_result WHERE " + ids + " ORDER BY target, check_name")
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

    /** A check, named as "target/check" in {@link #recentStatuses}. */
    public record Key(String target, String check) {
        @Override
        public String toString() {
            return target + "/" + check;
        }
    }

    /**
     * The last {@code limit} statuses of each check, newest first, in one round trip (a page of the
     * overview): each through the (target, check_name, id) index, never the whole history. On
     * PostgreSQL one LATERAL join over arrays of the keys (one small plan); on SQLite, which has no
     * LATERAL, a UNION ALL per 100 checks (at most 500 terms in a compound SELECT).
     */
    public java.util.Map<Key, List<Status>> recentStatuses(List<Key> checks, int limit) {
        var statuses = new java.util.HashMap<Key, List<Status>>();
        if (checks.isEmpty()) return statuses;
        if (database.isPostgres()) {
            database.jdbi().useHandle(handle -> handle.createQuery("SELECT k.ord, r.status FROM unnest(:targets, :checks) WITH ORDINALITY AS k(t, c, ord) "
                            + "CROSS JOIN LATERAL (SELECT id, status FROM check_result WHERE target = k.t AND check_name = k.c ORDER BY id DESC LIMIT :limit) r "
                            + "ORDER BY k.ord, r.id DESC")
                    .bindArray("targets", String.class, checks.stream().map(Key::target).toList())
                    .bindArray("checks", String.class, checks.stream().map(Key::check).toList())
                    .bind("limit", limit)
                    .map((row, context) -> java.util.Map.entry(checks.get(row.getInt(1) - 1), Status.valueOf(row.getString(2))))
                    .forEach(entry -> statuses.computeIfAbsent(entry.getKey(), key -> new java.util.ArrayList<>()).add(entry.getValue())));
            return statuses;
        }
        for (int from = 0; from < checks.size(); from += 100) {
            var chunk = checks.subList(from, Math.min(checks.size(), from + 100));
            var sql = new StringBuilder();
            for (int index = 0; index < chunk.size(); index++) {
                if (index > 0) sql.append(" UNION ALL ");
                sql.append("SELECT * FROM (SELECT ").append(index).append(" AS k, id, status FROM check_result WHERE target = :t").append(index)
                        .append(" AND check_name = :c").append(index).append(" ORDER BY id DESC LIMIT :limit) AS q").append(index);
            }
            database.jdbi().useHandle(handle -> {
                var query = handle.createQuery(sql.append(" ORDER BY k, id DESC").toString()).bind("limit", limit);
                for (int index = 0; index < chunk.size(); index++) query.bind("t" + index, chunk.get(index).target()).bind("c" + index, chunk.get(index).check());
                query.map((row, context) -> java.util.Map.entry(chunk.get(row.getInt(1)), Status.valueOf(row.getString(3))))
                        .forEach(entry -> statuses.computeIfAbsent(entry.getKey(), key -> new java.util.ArrayList<>()).add(entry.getValue()));
            });
        }
        return statuses;
    }

    private static CheckResult map(ResultSet row, StatementContext context) throws SQLException {
        return new CheckResult(row.getString("target"), row.getString("check_name"), Status.valueOf(row.getString("status")),
                row.getString("reason"), MeasurementColumns.read(row.getString("measurements")),
                Instant.ofEpochMilli(row.getLong("started_at")), Duration.ofMillis(row.getLong("duration_ms")));
    }
}
