package dev.tend.backup;

import dev.tend.postgres.PostgresConnector;
import dev.tend.postgres.PostgresTarget;
import java.time.Duration;
import java.util.ArrayList;

/**
 * A real restore, for rollback after failed maintenance. The backup's checksums are checked first.
 * Into a new database: created, restored, dropped again if the restore fails. Into an existing one
 * (replace): one transaction, so it is either fully replaced or untouched.
 */
final class Restorer {
    private final PgTools tools;
    private final BackupSettings settings;
    private final BackupListener listener;

    Restorer(PgTools tools, BackupSettings settings, BackupListener listener) {
        this.tools = tools;
        this.settings = settings;
        this.listener = listener;
    }

    void restore(Manifest manifest, Destination destination, PostgresTarget server, String database, boolean replace) throws Exception {
        var work = BackupService.workDirectory();
        try {
            listener.phase("checking the SHA-256 of " + manifest.id(), manifest.sizeBytes());
            var fetched = destination.fetch(manifest, work);
            var problems = new ArrayList<String>();
            Integrity.compare(manifest, fetched, problems);
            if (!problems.isEmpty()) throw new BackupException("not restored: " + String.join("; ", problems));
            var dump = fetched.directory().resolve(PostgresVerifier.mainPath(manifest));
            try (var admin = PostgresConnector.open(server, Duration.ofMinutes(2))) {
                boolean exists = ScratchDatabase.exists(admin, database);
                if (exists && !replace) {
                    throw new BackupException("database " + database + " exists on " + server.where()
                            + "; pass --replace to replace its contents (in one transaction) or choose another --into");
                }
                if (!exists && replace) throw new BackupException("database " + database + " does not exist; --replace is for an existing one");
                listener.phase("restoring " + manifest.id() + " into " + database, -1);
                if (replace) {
                    PgRestore.run(tools, server.onDatabase(database), dump, 1, false, true, settings.timeout());
                    return;
                }
                try (var statement = admin.createStatement()) {
                    statement.execute("CREATE DATABASE " + PgCatalog.quote(database) + " TEMPLATE template0");
                }
                var onShutdown = ShutdownHooks.register("drop the half-restored " + database, () -> {
                    try (var connection = PostgresConnector.open(server, Duration.ofSeconds(10))) {
                        ScratchDatabase.drop(connection, database);
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                try {
                    PgRestore.run(tools, server.onDatabase(database), dump, settings.jobs(), false, false, settings.timeout());
                } catch (RuntimeException e) {
                    ScratchDatabase.drop(admin, database); // a failed restore into a new database leaves no half-filled one
                    throw e;
                } finally {
                    ShutdownHooks.closeQuietly(onShutdown);
                }
            }
        } finally {
            BackupService.deleteQuietly(work);
        }
    }
}
