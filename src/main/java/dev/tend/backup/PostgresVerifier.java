package dev.tend.backup;

import dev.tend.check.Failures;
import dev.tend.postgres.PostgresConnector;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Restores a PostgreSQL backup into a scratch database and judges the copy: every table of the
 * manifest present with its row count, no table the manifest does not know, the integrity
 * queries passing. The scratch database is dropped whatever happens, unless a drill keeps it.
 */
final class PostgresVerifier {
    private final BackupSettings settings;
    private final PgTools tools;
    private final Clock clock;
    private final BackupListener listener;

    PostgresVerifier(BackupSettings settings, PgTools tools, Clock clock, BackupListener listener) {
        this.settings = settings;
        this.tools = tools;
        this.clock = clock;
        this.listener = listener;
    }

    Restored restore(Manifest manifest, Path directory, String scratchName, boolean ownName, boolean keep, List<String> problems,
            List<String> notes)
            throws SQLException {
        try (var scratch = ScratchDatabase.create(settings.restoreServer(), scratchName, ownName, notes)) {
            if (keep) scratch.keep();
            listener.phase("restoring " + manifest.id() + " into " + scratch.name() + " on " + settings.restoreServer().where(), -1);
            var started = clock.instant();
            PgRestore.run(tools, scratch.target(), directory.resolve(mainPath(manifest)), settings.jobs(), true, false, settings.timeout());
            var restoreTime = Duration.between(started, clock.instant());
            listener.phase("comparing tables and rows with the manifest", -1);
            try (var connection = PostgresConnector.open(scratch.target(), settings.timeout())) {
                var restored = PgCatalog.exactCounts(connection);
                compare(manifest, restored, problems, notes);
                var queries = queries(connection, problems);
                return new Restored(restoreTime, restored.size(), restored.stream().mapToLong(Manifest.TableRows::rows).sum(), queries);
            }
        }
    }

    /** The dump file, or the directory holding a directory-format dump. */
    static String mainPath(Manifest manifest) {
        var first = manifest.files().get(0).name();
        return "directory".equals(manifest.format()) ? Path.of(first).getParent().toString() : first;
    }

    static void compare(Manifest manifest, List<Manifest.TableRows> restored, List<String> problems, List<String> notes) {
        var byName = new HashMap<String, Long>();
        restored.forEach(table -> byName.put(table.qualified(), table.rows()));
        for (var table : manifest.tables()) {
            var rows = byName.remove(table.qualified());
            if (rows == null) {
                problems.add("table " + table.qualified() + " is missing from the restored copy");
            } else if (manifest.exactCounts() && rows != table.rows()) {
                problems.add("table " + table.qualified() + ": " + rows + " rows restored, the manifest says " + table.rows());
            }
        }
        byName.keySet().stream().sorted().forEach(extra -> problems.add("table " + extra + " is in the restored copy but not in the manifest"));
        if (!manifest.exactCounts()) notes.add("the manifest's row counts are estimates: tables compared by presence only");
    }

    private Map<String, String> queries(Connection connection, List<String> problems) {
        var results = new LinkedHashMap<String, String>();
        for (var query : settings.verifyQueries()) {
            listener.phase("running " + query, -1);
            try (var statement = connection.createStatement(); var rows = statement.executeQuery(query)) {
                var value = rows.next() ? rows.getString(1) : null;
                results.put(query, String.valueOf(value));
                var type = rows.getMetaData().getColumnType(1);
                if (value != null && (type == java.sql.Types.BIT || type == java.sql.Types.BOOLEAN) && !rows.getBoolean(1)) {
                    problems.add("query returned false: " + query);
                }
            } catch (SQLException e) {
                results.put(query, "error: " + Failures.describe(e));
                problems.add("query failed: " + query + ": " + Failures.describe(e));
            }
        }
        return results;
    }

}
