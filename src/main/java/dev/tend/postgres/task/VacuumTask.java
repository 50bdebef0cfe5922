package dev.tend.postgres.task;

import dev.tend.check.Measurement;
import dev.tend.postgres.PostgresTarget;
import dev.tend.task.Impact;
import dev.tend.task.TaskOutcome;
import dev.tend.task.TaskOutcome.Result;
import dev.tend.task.TaskRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code pg.vacuum} (VACUUM (ANALYZE), what {@code vacuumdb --analyze} does) and {@code pg.analyze}
 * for a table, a schema or the whole database. Online: neither blocks reads or writes.
 */
public final class VacuumTask implements PgTask {
    /** Older snapshots than this make a VACUUM pointless: the dead rows must be kept for them. */
    static final Duration LONG_TRANSACTION = Duration.ofHours(1);
    private static final String OLDEST_SNAPSHOT = """
            SELECT pid, coalesce(usename, '?'), extract(epoch FROM now() - xact_start)::bigint FROM pg_stat_activity
            WHERE backend_xmin IS NOT NULL AND pid <> pg_backend_pid() AND xact_start < now() - make_interval(secs => ?)
            ORDER BY xact_start LIMIT 1""";

    private final boolean analyzeOnly;
    private final Duration longTransaction;

    VacuumTask(boolean analyzeOnly, Duration longTransaction) {
        this.analyzeOnly = analyzeOnly;
        this.longTransaction = longTransaction;
    }

    public static VacuumTask vacuum() {
        return new VacuumTask(false, LONG_TRANSACTION);
    }

    public static VacuumTask analyze() {
        return new VacuumTask(true, LONG_TRANSACTION);
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
            if (!analyzeOnly && !request.force()) {
                var holder = oldestSnapshot(connection);
                if (holder != null) return outcomes.end(Result.REFUSED, holder + "; VACUUM could not remove the dead rows that "
                        + "snapshot may still see. End that transaction, or pass --force");
            }
            var before = figures(connection, tables);
            for (var step : steps) {
                try (var statement = connection.createStatement()) {
                    statement.execute(step);
                }
            }
            flushStatistics(connection);
            var after = figures(connection, tables);
            return outcomes.end(Result.SUCCEEDED, steps.size() + (steps.size() == 1 ? " statement ran" : " statements ran"), before, after);
        } catch (SQLException e) {
            return outcomes.failed(e, "(the statement was cancelled; Tend's session and its locks are gone)");
        }
    }

    /** The session holding the oldest snapshot beyond the limit, described, or null. */
    private String oldestSnapshot(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement(OLDEST_SNAPSHOT)) {
            statement.setLong(1, longTransaction.toSeconds());
            try (var rows = statement.executeQuery()) {
                return rows.next() ? "pid " + rows.getInt(1) + " (" + rows.getString(2) + ") has held a transaction open for "
                        + rows.getLong(3) + " s" : null;
            }
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
