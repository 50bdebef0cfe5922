package dev.tend.backup;

import dev.tend.postgres.PostgresTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** pg_restore of a fetched backup into one database, stopping at the first error. */
final class PgRestore {
    private PgRestore() {}

    /**
     * {@code replace}: the database exists and is replaced inside one transaction (--clean,
     * --single-transaction), so a failed restore leaves it exactly as it was.
     */
    static void run(PgTools tools, PostgresTarget database, Path dump, int jobs, boolean scratch, boolean replace, Duration timeout) {
        var command = new ArrayList<>(List.of(tools.pgRestore().toString(), "--no-password", "--exit-on-error"));
        if (scratch) command.addAll(List.of("--no-owner", "--no-privileges")); // a scratch copy proves data, not grants
        if (replace) {
            command.addAll(List.of("--clean", "--if-exists", "--single-transaction"));
        } else if (jobs > 1) {
            command.add("--jobs=" + jobs);
        }
        // As a conninfo string, so a database name containing '=' or a URI prefix stays a name.
        command.add("--dbname=dbname='" + database.database().replace("\\", "\\\\").replace("'", "\\'") + "'");
        command.add(dump.toString());
        var environment = PgTools.environment(database, database.database());
        // Replacing a live database must not queue behind the application's locks and block it in turn.
        if (replace) environment.put("PGOPTIONS", "-c lock_timeout=10s");
        try (var process = ToolProcess.start(command, environment, true, timeout)) {
            process.awaitSuccess();
        }
    }
}
