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
        command.add("--dbname=" + database.database());
        command.add(dump.toString());
        try (var process = ToolProcess.start(command, PgTools.environment(database, database.database(), timeout), true)) {
            process.awaitSuccess(timeout);
        }
    }
}
