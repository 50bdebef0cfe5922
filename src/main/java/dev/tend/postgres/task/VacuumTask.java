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
 * {@code pg.vacuum} (VACUUM (ANALYZE), what {@code vacuumdb --analyze} does) and {@code pg.analyze}
 * for a table, a schema or the whole database. Online: neither blocks reads or writes.
 */
public final class VacuumTask implements PgTask {
    private final boolean analyzeOnly;

    private VacuumTask(boolean analyzeOnly) {
        this.analyzeOnly = analyzeOnly;
    }

    public static VacuumTask vacuum() {
        return new VacuumTask(false);
    }

    public static VacuumTask analyze() {
        return new VacuumTask(true);
    }

    @Override
    public String name() {
        return analyzeOnly ? "pg.analyze" : "pg.vacuum";
    }

    @Override
    public Impact impact() {
        return Impact.ONLINE;
    }

    @Override
    public TaskOutcome run(PostgresTarget target, TaskRequest request, Clock clock) {
        var scope = request.table().map(t -> request.schema().orElse("public") + "." + t)
                .or(() -> request.schema().map(s -> "schema " + s)).orElse("database " + target.database());
        var outcomes = new Outcomes(this, target, request, scope, clock);
        var steps = outcomes.steps;
        try (var session = MaintenanceSession.open(target, request.timeout())) {
            var connection = session.connection();
            var tables = Tables.resolve(connection, request.schema(), request.table());
            if ((request.table().isPresent() || request.schema().isPresent()) && tables.isEmpty()) {
                return outcomes.end(Result.REFUSED, "no such table or schema: " + scope);
            }
            var verb = analyzeOnly ? "ANALYZE" : "VACUUM (ANALYZE)";
            if (request.table().isPresent() || request.schema().isPresent()) {
                tables.forEach(table -> steps.add(verb + " " + table));
            } else {
                steps.add(verb);
            }
            if (request.dryRun()) {
                return outcomes.end(Result.PLANNED, "dry run: nothing was executed");
            }
            var refusal = session.refusal(true);
            if (refusal.isPresent()) {
                return outcomes.end(Result.REFUSED, refusal.get());
            }
            var before = figures(connection, tables);
            for (var step : steps) {
                try (var statement = connection.createStatement()) {
                    statement.execute(step);
                }
            }
            flushStatistics(connection);
            var after = figures(connection, tables);
            return outcomes.end(Result.SUCCEEDED, steps.size() + " statements ran", before, after);
        } catch (SQLException e) {
            return outcomes.end(Result.FAILED, Text.firstLine(e.getMessage())
                    + " (the statement was cancelled; Tend's session and its locks are gone)");
        }
    }

    /** Dead tuples and size of each table (of all user tables together for a database-wide run). */
    private static List<Measurement> figures(Connection connection, List<String> tables) throws SQLException {
        var figures = new ArrayList<Measurement>();
        var sql = """
                SELECT format('%I.%I', s.schemaname, s.relname), s.n_dead_tup, c.relpages::bigint * current_setting('block_size')::bigint
                FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid ORDER BY 1""";
        long dead = 0;
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                dead += rows.getLong(2);
                if (tables.contains(rows.getString(1)) && tables.size() <= 20) {
                    figures.add(new Measurement(rows.getString(1) + ".n_dead_tup", rows.getLong(2), "count"));
                    figures.add(new Measurement(rows.getString(1) + ".size", rows.getLong(3), "bytes"));
                }
            }
        }
        figures.add(0, new Measurement("n_dead_tup", dead, "count"));
        return figures;
    }

    /** Statistics reach the views only when a backend flushes them; ask for it before reading "after". */
    private static void flushStatistics(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("SELECT pg_stat_force_next_flush()");
            statement.execute("SELECT pg_stat_clear_snapshot()");
        } catch (SQLException olderServer) {
            // before PostgreSQL 15: the figures may lag by a second
        }
    }
}
