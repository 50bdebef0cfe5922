package dev.tend.backup;

import dev.tend.backup.BackupSettings.DumpFormat;
import dev.tend.check.Failures;
import dev.tend.postgres.PostgresConnector;
import dev.tend.postgres.PostgresTarget;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * pg_dump of one database into a destination, hashed as it is written, with per-table row counts
 * taken in the very snapshot pg_dump dumps (exported, then imported with --snapshot): the counts
 * in the manifest are exactly what a restore must show, even while the database is being written.
 */
final class PostgresDump {
    private final BackupSettings settings;
    private final PgTools tools;
    private final Clock clock;
    private final BackupListener listener;

    PostgresDump(BackupSettings settings, PgTools tools, Clock clock, BackupListener listener) {
        this.settings = settings;
        this.tools = tools;
        this.clock = clock;
        this.listener = listener;
    }

    Manifest run(Destination destination, String id, String retentionClass) throws SQLException, IOException {
        var target = (PostgresTarget) settings.target();
        var started = clock.instant();
        try (var connection = PostgresConnector.open(target, settings.timeout())) {
            var serverVersion = PgCatalog.text(connection, "SHOW server_version");
            tools.requireAtLeast((int) PgCatalog.number(connection, "SELECT current_setting('server_version_num')::int / 10000"), serverVersion);
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            var snapshot = PgCatalog.text(connection, "SELECT pg_export_snapshot()");
            // The counts queue behind the same locks pg_dump waits for, so they wait as long (--lock-wait-timeout).
            try (var statement = connection.createStatement()) {
                statement.execute("SET LOCAL lock_timeout = '30s'");
            }
            var databaseSize = PgCatalog.number(connection, "SELECT pg_database_size(current_database())");
            var environment = PgTools.environment(target, target.database());
            // Closed in reverse: pg_dump is killed first on any failure, which ends the copy, then the staging goes.
            try (var staging = destination.stage(id, databaseSize);
                    var executor = Executors.newVirtualThreadPerTaskExecutor();
                    var process = ToolProcess.start(command(snapshot, staging), environment, settings.format() == DumpFormat.DIRECTORY,
                            settings.timeout())) {
                listener.phase("dumping " + target.database(), databaseSize);
                var dump = executor.submit(() -> collect(process, staging));
                var tables = settings.exactRowCounts() ? PgCatalog.exactCounts(connection) : PgCatalog.estimates(connection);
                var files = await(dump);
                connection.commit();
                var manifest = new Manifest(Manifest.VERSION, id, settings.name(), "postgres", target.name(), target.where(),
                        settings.format().name().toLowerCase(java.util.Locale.ROOT), started, clock.instant(),
                        Map.of("pg_dump", tools.version(), "server", serverVersion, "tend", Versions.TEND),
                        files, files.stream().mapToLong(Manifest.FileEntry::bytes).sum(), databaseSize,
                        settings.exactRowCounts() ? "exact" : "estimate", tables, Map.of(), retentionClass);
                var manifestBytes = ManifestJson.write(manifest);
                listener.phase("publishing " + id, -1);
                staging.publish(files, manifestBytes, Sha256Sums.write(files, manifestBytes));
                return manifest;
            }
        }
    }

    private List<String> command(String snapshot, Destination.Staging staging) {
        var command = new ArrayList<>(List.of(tools.pgDump().toString(), "--format=" + settings.format().option(), "--no-password",
                "--snapshot=" + snapshot, "--lock-wait-timeout=30000"));
        if (settings.format() == DumpFormat.DIRECTORY) {
            command.addAll(List.of("--jobs=" + settings.jobs(), "--file=" + staging.directory().resolve(directoryName())));
        }
        return command;
    }

    private String directoryName() {
        return settings.name() + ".dir";
    }

    private List<Manifest.FileEntry> collect(ToolProcess process, Destination.Staging staging) throws IOException {
        if (settings.format() == DumpFormat.DIRECTORY) {
            process.awaitSuccess();
            return hashTree(staging.directory(), directoryName());
        }
        var name = settings.name() + ".dump";
        var out = staging.create(name);
        try {
            var entry = Hashing.copy(name, process.stdout(), out, listener::bytes);
            process.awaitSuccess();
            out.close(); // only now: on S3 this completes the upload
            return List.of(entry);
        } catch (IOException | RuntimeException e) {
            Destination.Staging.abandon(out);
            throw e;
        }
    }

    /** Every file of a directory-format dump, toc.dat first so the manifest's main hash is the table of contents. */
    private static List<Manifest.FileEntry> hashTree(Path root, String directoryName) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root.resolve(directoryName))) {
            files = walk.filter(Files::isRegularFile)
                    .sorted(Comparator.comparing((Path path) -> !path.getFileName().toString().equals("toc.dat")).thenComparing(Path::toString))
                    .toList();
        }
        var entries = new ArrayList<Manifest.FileEntry>();
        for (var file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                entries.add(Hashing.hash(root.relativize(file).toString(), in));
            }
        }
        return entries;
    }

    private static <T> T await(java.util.concurrent.Future<T> future) throws IOException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BackupException backup) throw backup;
            if (e.getCause() instanceof IOException io) throw io;
            throw new BackupException("the dump failed: " + Failures.describe(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupException("interrupted while dumping");
        }
    }

}
