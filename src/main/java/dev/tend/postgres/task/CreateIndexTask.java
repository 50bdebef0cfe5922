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
import java.util.List;

/**
 * {@code pg.create-index}: CREATE INDEX CONCURRENTLY on the columns a person chose (a missing_index
 * finding names the table, not the columns). Runs only with explicit approval; otherwise it is a
 * plan. A failed concurrent build leaves an invalid index behind, which is dropped at once.
 */
public final class CreateIndexTask implements PgTask {
    private final List<String> columns;
    private final boolean approved;

    public CreateIndexTask(List<String> columns, boolean approved) {
        this.columns = List.copyOf(columns);
        this.approved = approved;
    }

    @Override
    public String name() {
        return "pg.create-index";
    }

    @Override
    public Impact impact() {
        return Impact.ONLINE;
    }

    @Override
    public TaskOutcome run(PostgresTarget target, TaskRequest request, Clock clock) {
        var scope = request.schema().orElse("public") + "." + request.table().orElse("?") + " (" + String.join(", ", columns) + ")";
        var outcomes = new Outcomes(this, target, request, scope, clock);
        if (request.table().isEmpty() || columns.isEmpty()) {
            return outcomes.end(Result.REFUSED, "name the table (--table) and the columns (--columns a,b)");
        }
        try (var session = MaintenanceSession.open(target, request.timeout())) {
            var connection = session.connection();
            var statement = createStatement(connection, request.schema().orElse("public"), request.table().get());
            var index = statement[0];
            outcomes.steps.add(statement[1]);
            if (request.dryRun() || !approved) {
                return outcomes.end(approved ? Result.PLANNED : Result.REFUSED, approved ? "dry run: nothing was executed"
                        : "creating an index needs explicit approval: review the SQL, then pass --approve");
            }
            var refusal = session.refusal(true);
            if (refusal.isPresent()) return outcomes.end(Result.REFUSED, refusal.get());
            try (var create = connection.createStatement()) {
                create.execute(statement[1]);
            } catch (SQLException e) {
                dropLeftover(connection, index);
                throw e;
            }
            return outcomes.end(Result.SUCCEEDED, "index " + index + " built", List.of(), List.of(
                    new Measurement(index + ".size", indexBytes(connection, index), "bytes")));
        } catch (SQLException e) {
            return outcomes.failed(e, "(any half-built index was dropped)");
        }
    }

    /** [quoted index name, CREATE INDEX CONCURRENTLY statement], quoted by PostgreSQL itself. */
    private String[] createStatement(Connection connection, String schema, String table) throws SQLException {
        var name = (table + "_" + String.join("_", columns) + "_idx").replaceAll("[^A-Za-z0-9_]", "_");
        if (name.length() > 63) name = name.substring(0, 63);
        try (var statement = connection.prepareStatement("SELECT format('%I.%I', ?, ?), format('%I', ?), format('%I.%I', ?, ?), "
                + "(SELECT string_agg(format('%I', c), ', ') FROM unnest(?::text[]) c)")) {
            statement.setString(1, schema);
            statement.setString(2, name);
            statement.setString(3, name);
            statement.setString(4, schema);
            statement.setString(5, table);
            statement.setArray(6, connection.createArrayOf("text", columns.toArray()));
            try (var rows = statement.executeQuery()) {
                rows.next();
                return new String[] {rows.getString(1),
                        "CREATE INDEX CONCURRENTLY " + rows.getString(2) + " ON " + rows.getString(3) + " (" + rows.getString(4) + ")"};
            }
        }
    }

    private static void dropLeftover(Connection connection, String index) {
        try (var drop = connection.createStatement()) {
            drop.execute("DROP INDEX CONCURRENTLY IF EXISTS " + index);
        } catch (SQLException ignored) {
            // the report lists any invalid index that remains
        }
    }

    private static long indexBytes(Connection connection, String index) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT pg_relation_size(?::regclass)")) {
            statement.setString(1, index);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
