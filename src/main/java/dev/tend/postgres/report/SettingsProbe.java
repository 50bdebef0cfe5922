package dev.tend.postgres.report;

import dev.tend.check.Measurement;
import dev.tend.check.Status;
import dev.tend.check.Units;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Autovacuum settings against the runbook's policy, connection headroom by state and application,
 * and slow queries from pg_stat_statements (or a note that it is not installed).
 */
final class SettingsProbe implements ReportProbe {
    /** The seed runbook's postgresql.conf lines for autovacuum. */
    static final Map<String, String> AUTOVACUUM_POLICY = Map.of(
            "autovacuum", "on",
            "autovacuum_vacuum_threshold", "50",
            "autovacuum_analyze_threshold", "50",
            "autovacuum_vacuum_scale_factor", "0.1",
            "autovacuum_analyze_scale_factor", "0.05");

    private static final String CONNECTIONS = """
            SELECT coalesce(state, 'unknown'), coalesce(nullif(application_name, ''), '(none)'), count(*),
                   current_setting('max_connections')::int
            FROM pg_stat_activity WHERE backend_type = 'client backend' GROUP BY 1, 2 ORDER BY 3 DESC""";

    private static final String STATEMENTS = """
            (SELECT *, %s AS own FROM pg_stat_statements
             WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())) AS s""".formatted(OwnActivity.OWN_STATEMENT);

    private static final String SLOW = """
            SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 80), calls, mean_exec_time, total_exec_time
            FROM """ + STATEMENTS + " WHERE ? OR NOT own ORDER BY total_exec_time DESC LIMIT 10";

    /** Tend's own statements that would have been listed had they been the application's. */
    private static final String OWN_SLOW = "SELECT count(*) FROM " + STATEMENTS + " WHERE own AND mean_exec_time >= ?";

    @Override
    public String name() {
        return "settings";
    }

    @Override
    public List<Finding> find(Connection connection, ReportPolicy policy) throws SQLException {
        var findings = new ArrayList<Finding>();
        for (var setting : AUTOVACUUM_POLICY.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            var actual = Rows.query(connection, "SELECT setting FROM pg_settings WHERE name = ?", row -> row.getString(1),
                    setting.getKey());
            if (actual.isEmpty() || sameValue(actual.get(0), setting.getValue())) continue;
            var off = setting.getKey().equals("autovacuum");
            findings.add(new Finding("autovacuum_setting", setting.getKey(), off ? Status.CRIT : Status.WARN,
                    setting.getKey() + " is " + actual.get(0) + ", the maintenance policy says " + setting.getValue(),
                    off ? "without autovacuum dead tuples pile up and transaction IDs age towards wraparound"
                            : "these thresholds decide how soon autovacuum cleans a busy table",
                    "ALTER SYSTEM SET " + setting.getKey() + " = '" + setting.getValue() + "'; SELECT pg_reload_conf()",
                    List.of()));
        }
        record Group(String state, String application, long count, long max) {}
        var groups = Rows.query(connection, CONNECTIONS,
                row -> new Group(row.getString(1), row.getString(2), row.getLong(3), row.getLong(4)));
        long connections = groups.stream().mapToLong(Group::count).sum();
        long max = groups.isEmpty() ? 0 : groups.get(0).max();
        double used = Units.ratioPercent(connections, max);
        // Always shown (a note while there is headroom): who holds the connections is the first question in an incident.
        var breakdown = groups.stream().map(g -> g.count() + " " + g.state() + " (" + g.application() + ")").toList();
        var severity = used < policy.connectionsWarnPercent() ? Status.OK : used >= 90 ? Status.CRIT : Status.WARN;
        findings.add(new Finding("connections", "database server", severity,
                connections + " of " + max + " connections in use (" + Units.percent(used) + "): " + String.join(", ", breakdown),
                "when max_connections is reached new sessions are refused, including the application's",
                "end idle sessions (tend run pg.terminate-idle) or put a pooler in front of the database",
                List.of(new Measurement("connections", connections, "count"), new Measurement("used", used, "%"))));
        findings.addAll(slowQueries(connection, policy));
        return findings;
    }

    private static List<Finding> slowQueries(Connection connection, ReportPolicy policy) throws SQLException {
        var installed = Rows.query(connection, "SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements'", row -> 1);
        if (installed.isEmpty()) {
            return List.of(new Finding("slow_query", "pg_stat_statements", Status.OK,
                    "pg_stat_statements is not installed, so slow queries cannot be listed",
                    "it is how PgHero and the runbook find the queries worth optimising",
                    "add pg_stat_statements to shared_preload_libraries, restart, then CREATE EXTENSION pg_stat_statements",
                    List.of()));
        }
        var slow = new ArrayList<Finding>(Rows.query(connection, SLOW, row -> row.getDouble(3) < policy.slowQueryMeanMillis() ? null
                : new Finding("slow_query", row.getString(1), Status.WARN,
                        row.getLong(2) + " calls, mean " + Math.round(row.getDouble(3)) + " ms, total " + Math.round(row.getDouble(4)) + " ms",
                        "the queries with the most total time are where an index or a rewrite pays most",
                        "EXPLAIN (ANALYZE, BUFFERS) it; see missing_index findings for its tables",
                        List.of(new Measurement("calls", row.getLong(2), "count"), new Measurement("mean", row.getDouble(3), "ms"))),
                policy.includeOwn()));
        if (!policy.includeOwn()) {
            long own = Rows.query(connection, OWN_SLOW, row -> row.getLong(1), policy.slowQueryMeanMillis()).get(0);
            OwnActivity.leftOut("pg_stat_statements", own,
                    "Tend's own statements (pg_dump's COPY, backup verification's scratch databases, statements marked /* tend */)").ifPresent(slow::add);
        }
        return slow;
    }

    private static boolean sameValue(String actual, String expected) {
        try {
            return Double.parseDouble(actual) == Double.parseDouble(expected);
        } catch (NumberFormatException e) {
            return actual.equalsIgnoreCase(expected);
        }
    }
}
