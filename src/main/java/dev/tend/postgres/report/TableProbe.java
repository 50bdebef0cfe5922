package dev.tend.postgres.report;

import dev.tend.check.Measurement;
import dev.tend.check.Status;
import dev.tend.check.Units;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** Tables read mostly by sequential scans, and tables full of dead tuples (with their last vacuum). */
final class TableProbe implements ReportProbe {
    private static final String MISSING_INDEX = """
            SELECT quote_ident(schemaname) || '.' || quote_ident(relname), n_live_tup, seq_scan, coalesce(idx_scan, 0), seq_tup_read
            FROM pg_stat_user_tables
            WHERE n_live_tup >= ? AND seq_scan + coalesce(idx_scan, 0) > 0
              AND 100.0 * coalesce(idx_scan, 0) / (seq_scan + coalesce(idx_scan, 0)) < ?
            ORDER BY seq_tup_read DESC, 1""";

    private static final String DEAD_TUPLES = """
            SELECT quote_ident(schemaname) || '.' || quote_ident(relname), n_live_tup, n_dead_tup,
                   greatest(last_vacuum, last_autovacuum), greatest(last_analyze, last_autoanalyze)
            FROM pg_stat_user_tables
            WHERE n_dead_tup >= ? AND 100.0 * n_dead_tup / greatest(n_live_tup + n_dead_tup, 1) >= ?
            ORDER BY n_dead_tup DESC, 1""";

    @Override
    public String name() {
        return "tables";
    }

    @Override
    public List<Finding> find(Connection connection, ReportPolicy policy) throws SQLException {
        var findings = new ArrayList<Finding>();
        findings.addAll(Rows.query(connection, MISSING_INDEX, row -> {
            long seq = row.getLong(3);
            long idx = row.getLong(4);
            double indexUse = 100.0 * idx / (seq + idx);
            return new Finding("missing_index", row.getString(1), Status.WARN,
                    row.getString(1) + " has " + row.getLong(2) + " rows and was read by " + seq + " sequential scans ("
                            + row.getLong(5) + " rows read) against " + idx + " index scans (" + Units.percent(indexUse) + " index use)",
                    "sequential scans of a large table grow with it; an index on the filtered columns makes them lookups",
                    "find the queries that scan it (slow_query findings, EXPLAIN) and CREATE INDEX CONCURRENTLY on their filter columns",
                    List.of(new Measurement("n_live_tup", row.getLong(2), "count"), new Measurement("seq_scan", seq, "count"),
                            new Measurement("idx_scan", idx, "count"), new Measurement("index_use", indexUse, "%")));
        }, policy.missingIndexMinRows(), policy.missingIndexMinIndexUsePercent()));
        findings.addAll(Rows.query(connection, DEAD_TUPLES, row -> {
            long live = row.getLong(2);
            long dead = row.getLong(3);
            double percent = 100.0 * dead / Math.max(1, live + dead);
            return new Finding("dead_tuples", row.getString(1), Status.WARN,
                    row.getString(1) + " has " + dead + " dead tuples (" + Units.percent(percent) + " of its rows); last vacuum "
                            + when(row.getTimestamp(4)) + ", last analyze " + when(row.getTimestamp(5)),
                    "dead tuples bloat the table and slow scans until VACUUM reclaims them; autovacuum is not keeping up",
                    "VACUUM (ANALYZE) " + row.getString(1),
                    List.of(new Measurement("n_dead_tup", dead, "count"), new Measurement("n_live_tup", live, "count"),
                            new Measurement("dead", percent, "%")));
        }, policy.deadTuplesMin(), policy.deadTuplesWarnPercent()));
        return findings;
    }

    private static String when(Timestamp timestamp) {
        return timestamp == null ? "never" : timestamp.toInstant().toString();
    }
}
