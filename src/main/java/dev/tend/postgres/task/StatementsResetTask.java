package dev.tend.postgres.task;

import dev.tend.check.Measurement;
import dev.tend.check.Text;
import dev.tend.postgres.PostgresTarget;
import dev.tend.task.Impact;
import dev.tend.task.TaskOutcome;
import dev.tend.task.TaskOutcome.Result;
import dev.tend.task.TaskRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code pg.statements-reset}: keeps the top statements of pg_stat_statements as evidence (calls,
 * total and mean time), then resets the statistics so the next period starts clean — the
 * runbook's "identify slow queries" with a memory of what they were.
 */
public final class StatementsResetTask implements PgTask {
    private static final String TOP = """
            SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 60), calls, total_exec_time, mean_exec_time
            FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 20""";

    @Override
    public String name() {
        return "pg.statements-reset";
    }

    @Override
    public Impact impact() {
        return Impact.ONLINE;
    }

    @Override
    public TaskOutcome run(PostgresTarget target, TaskRequest request, Clock clock) {
        var outcomes = new Outcomes(this, target, request, "pg_stat_statements of " + target.database(), clock);
        outcomes.steps.add("SELECT pg_stat_statements_reset()");
        try (var session = MaintenanceSession.open(target, request.timeout())) {
            var connection = session.connection();
            if (!installed(connection)) {
                return outcomes.end(Result.REFUSED, "pg_stat_statements is not installed in " + target.database()
                        + ": add it to shared_preload_libraries, restart, then CREATE EXTENSION pg_stat_statements");
            }
            var captured = top(connection);
            if (request.dryRun()) return outcomes.end(Result.PLANNED, "dry run: nothing was reset", captured, List.of());
            var refusal = session.refusal(false);
            if (refusal.isPresent()) return outcomes.end(Result.REFUSED, refusal.get());
            try (var statement = connection.createStatement()) {
                statement.execute("SELECT pg_stat_statements_reset()");
            }
            return outcomes.end(Result.SUCCEEDED, captured.size() / 3 + " top statements captured, statistics reset", captured,
                    List.of(new Measurement("statements", count(connection), "count")));
        } catch (SQLException e) {
            return outcomes.failed(e, "");
        }
    }

    private static boolean installed(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements'")) {
            return rows.next();
        }
    }

    /** Per statement: calls, total and mean time, named by the statement's first 60 characters. */
    private static List<Measurement> top(Connection connection) throws SQLException {
        var figures = new ArrayList<Measurement>();
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(TOP)) {
            while (rows.next()) {
                var query = Text.printable(rows.getString(1));
                figures.add(new Measurement(query + " | calls", rows.getLong(2), "count"));
                figures.add(new Measurement(query + " | total", rows.getDouble(3), "ms"));
                figures.add(new Measurement(query + " | mean", rows.getDouble(4), "ms"));
            }
        }
        return figures;
    }

    private static long count(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT count(*) FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat_statements%'")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
