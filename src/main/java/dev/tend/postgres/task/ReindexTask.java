package dev.tend.postgres.task;

import dev.tend.check.Measurement;
import dev.tend.postgres.PostgresTarget;
import dev.tend.postgres.report.IndexBloatProbe;
import dev.tend.task.Impact;
import dev.tend.window.MaintenanceWindows;
import dev.tend.task.TaskOutcome;
import dev.tend.task.TaskOutcome.Result;
import dev.tend.task.TaskRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code pg.reindex}: rebuilds the invalid indexes of the database (or the indexes of one table
 * with --table). REINDEX CONCURRENTLY (PostgreSQL 12+) keeps the table usable, so it is online;
 * older servers would lock the table, and then the task needs a maintenance window.
 */
public final class ReindexTask implements PgTask {
    private static final String INDEXES = """
            SELECT format('%I.%I', n.nspname, c.relname), c.relpages::bigint * current_setting('block_size')::bigint, i.indisvalid
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
              AND (CASE WHEN ? IS NULL THEN NOT i.indisvalid ELSE n.nspname = ? AND t.relname = ? END)
            ORDER BY 1""";

    /** Usable bytes on the file system holding a path; a seam so tests can stand in for a full disk. */
    @FunctionalInterface
    interface FreeSpace {
        long usableBytes(java.nio.file.Path path) throws java.io.IOException;
    }

    private final MaintenanceWindows windows;
    private final boolean bloated;
    private final FreeSpace freeSpace;

    /** {@code bloated}: rebuild the indexes the report estimates as bloated, instead of the invalid ones. */
    public ReindexTask(MaintenanceWindows windows, boolean bloated) {
        this(windows, bloated, path -> java.nio.file.Files.getFileStore(path).getUsableSpace());
    }

    ReindexTask(MaintenanceWindows windows, boolean bloated, FreeSpace freeSpace) {
        this.windows = windows;
        this.bloated = bloated;
        this.freeSpace = freeSpace;
    }

    @Override
    public String name() {
        return "pg.reindex";
    }

    @Override
    public Impact impact() {
        return Impact.ONLINE; // on PostgreSQL 12+; run() treats older servers as disruptive
    }

    @Override
    public TaskOutcome run(PostgresTarget target, TaskRequest request, Clock clock) {
        var scope = request.table().map(t -> "indexes of " + request.schema().orElse("public") + "." + t)
                .orElse((bloated ? "bloated" : "invalid") + " indexes of " + target.database());
        var outcomes = new Outcomes(this, target, request, scope, clock);
        var steps = outcomes.steps;
        try (var session = MaintenanceSession.open(target, request.timeout())) {
            var connection = session.connection();
            boolean concurrently = serverVersion(connection) >= 120000;
            var before = bloated && request.table().isEmpty()
                    ? indexesNamed(connection, IndexBloatProbe.bloatedIndexes(connection, target.reportPolicy()))
                    : indexes(connection, request);
            var verb = concurrently ? "REINDEX INDEX CONCURRENTLY " : "REINDEX INDEX ";
            before.forEach(index -> steps.add(verb + index.name()));
            if (request.dryRun()) {
                return outcomes.end(Result.PLANNED, "dry run: " + steps.size() + " indexes would be rebuilt", figures(before), List.of());
            }
            if (!concurrently && !request.force() && !windows.isOpen(target.name(), outcomes.startedAt())) {
                return outcomes.end(Result.REFUSED, "this server has no REINDEX CONCURRENTLY, so rebuilding locks the "
                        + "table: wait for a maintenance window or pass --force");
            }
            var noRoom = diskRefusal(target, before);
            if (noRoom != null) return outcomes.end(Result.REFUSED, noRoom, figures(before), List.of());
            var refusal = session.refusal(true);
            if (refusal.isPresent()) {
                return outcomes.end(Result.REFUSED, refusal.get());
            }
            for (var step : steps) {
                try (var statement = connection.createStatement()) {
                    statement.execute(step);
                }
            }
            var after = indexesNamed(connection, before.stream().map(IndexState::name).toList());
            return outcomes.end(Result.SUCCEEDED, steps.size() + " indexes rebuilt", figures(before), figures(after));
        } catch (SQLException e) {
            return outcomes.failed(e, "(Tend's session and its locks are gone; a failed REINDEX CONCURRENTLY leaves an invalid copy named"
                    + " <index>_ccnew, which the report lists: drop it)");
        }
    }

    private record IndexState(String name, long bytes, boolean valid) {}

    /**
     * A rebuild writes a new copy before dropping the old one, so the largest index must fit in the
     * free space of the data directory. Checked when the target says where that directory is.
     */
    private String diskRefusal(PostgresTarget target, List<IndexState> indexes) {
        if (target.dataDirectory().isEmpty() || indexes.isEmpty()) return null;
        long needed = indexes.stream().mapToLong(IndexState::bytes).max().orElse(0);
        try {
            long free = freeSpace.usableBytes(target.dataDirectory().get());
            return free >= needed ? null : "only " + dev.tend.check.Units.bytes(free) + " free in " + target.dataDirectory().get()
                    + ", and rebuilding needs about " + dev.tend.check.Units.bytes(needed) + " for a new copy of the largest index";
        } catch (java.io.IOException e) {
            return "cannot read the free space of " + target.dataDirectory().get() + ": " + dev.tend.check.Failures.describe(e);
        }
    }

    private static List<IndexState> indexes(Connection connection, TaskRequest request) throws SQLException {
        try (var statement = connection.prepareStatement(INDEXES)) {
            var table = request.table().orElse(null);
            statement.setString(1, table);
            statement.setString(2, request.schema().orElse("public"));
            statement.setString(3, table);
            try (var rows = statement.executeQuery()) {
                var found = new ArrayList<IndexState>();
                while (rows.next()) found.add(new IndexState(rows.getString(1), rows.getLong(2), rows.getBoolean(3)));
                return found;
            }
        }
    }

    /** The same indexes after the rebuild (by name: rebuilt invalid indexes no longer match "invalid"). */
    private static List<IndexState> indexesNamed(Connection connection, List<String> names) throws SQLException {
        var sql = """
                SELECT format('%I.%I', n.nspname, c.relname), c.relpages::bigint * current_setting('block_size')::bigint, i.indisvalid
                FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE format('%I.%I', n.nspname, c.relname) = ANY (?) ORDER BY 1""";
        try (var statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", names.toArray()));
            try (var rows = statement.executeQuery()) {
                var found = new ArrayList<IndexState>();
                while (rows.next()) found.add(new IndexState(rows.getString(1), rows.getLong(2), rows.getBoolean(3)));
                return found;
            }
        }
    }

    private static List<Measurement> figures(List<IndexState> indexes) {
        var figures = new ArrayList<Measurement>();
        for (var index : indexes) {
            figures.add(new Measurement(index.name() + ".size", index.bytes(), "bytes"));
            figures.add(new Measurement(index.name() + ".valid", index.valid() ? 1 : 0, "bool"));
        }
        return figures;
    }

    private static int serverVersion(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT current_setting('server_version_num')::int")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
