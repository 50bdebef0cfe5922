package dev.tend.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.registry.BuiltIn;
import dev.tend.testing.PostgresExtension;
import dev.tend.testing.PostgresServer;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Create, verify, corrupt, restore — on a real PostgreSQL 15 with the machine's pg_dump and pg_restore. */
@ExtendWith(PostgresExtension.class)
class PostgresBackupTest {
    @TempDir
    Path directory;
    private BackupLab lab;
    private Path config;

    @BeforeEach
    void database(PostgresServer postgres) throws Exception {
        lab = new BackupLab(postgres, "backup_lab", directory);
        lab.fill();
        config = lab.config("");
    }

    @Test
    void createThenVerifyPassesAndStockToolsAcceptTheFiles() throws Exception {
        var created = lab.tend("backup", "create", "lab", "--json", "-c", config.toString());
        assertThat(created.exitCode()).as(created.err()).isZero();
        var id = created.json().path("id").asString();
        assertThat(created.json().path("rows").asLong()).isEqualTo(1250);
        assertThat(created.json().path("rowCounts").asString()).isEqualTo("exact");

        var backup = lab.backup(id);
        assertThat(Commands.run(backup, "sha256sum", "-c", "SHA256SUMS")).contains("lab.dump: OK", "manifest.json: OK");
        assertThat(Commands.run(backup, "pg_restore", "--list", "lab.dump")).contains("TABLE DATA datasets catalog", "Odd \"Name\"");
        var manifest = Files.readString(backup.resolve("manifest.json"));
        assertThat(manifest).contains("\"schema\" : \"Lab Schema\"", "\"rows\" : 1000", "\"pg_dump\"", "\"server\"", "\"retentionClass\" : \"daily\"");

        var verified = lab.tend("backup", "verify", "lab", "--json", "-c", config.toString());
        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.json().path("passed").asBoolean()).isTrue();
        assertThat(verified.json().path("rows").asLong()).isEqualTo(1250);
        assertThat(verified.json().path("tables").asLong()).isEqualTo(3);
        assertThat(verified.json().path("queries").path("SELECT count(*) FROM datasets.catalog").asString()).isEqualTo("250");
        assertThat(lab.databasesStartingWith("tend_verify_")).isEmpty();

        var listed = lab.tend("backup", "list", "lab", "--json", "-c", config.toString());
        assertThat(listed.json().path("backups").get(0).path("id").asString()).isEqualTo(id);
        assertThat(listed.json().path("backups").get(0).path("verification").path("passed").asBoolean()).isTrue();
    }

    @Test
    void oneFlippedByteFailsVerificationNamingTheFileAndNothingIsRestored() throws Exception {
        var id = create();
        var dump = lab.backup(id).resolve("lab.dump");
        try (var file = new RandomAccessFile(dump.toFile(), "rw")) {
            long middle = file.length() / 2;
            file.seek(middle);
            int original = file.read();
            file.seek(middle);
            file.write(original ^ 0x01);
        }

        var verified = lab.tend("backup", "verify", "lab", "--id", id, "-c", config.toString());

        assertThat(verified.exitCode()).isEqualTo(1);
        assertThat(verified.out()).contains("lab.dump: SHA-256 mismatch", "not restored");
        assertThat(lab.databasesStartingWith("tend_verify_")).isEmpty();
    }

    @Test
    void aScratchDatabaseLeftByAKilledVerificationIsDroppedByTheNextOne() throws Exception {
        create();
        var settings = dev.tend.backup.BackupsSection.named(BuiltIn.configLoader(java.util.Map.<String, String>of()::get)
                .load(config), "lab").orElseThrow();
        var scratch = BackupService.scratchName(Verification.VERIFY, settings);
        lab.execute("postgres", "CREATE DATABASE " + scratch);

        var verified = lab.tend("backup", "verify", "lab", "--json", "-c", config.toString());

        assertThat(verified.exitCode()).as(verified.out()).isZero();
        assertThat(verified.json().path("notes").toString()).contains("dropped the scratch database " + scratch + " left by an interrupted run");
        assertThat(lab.databasesStartingWith("tend_verify_")).isEmpty();
    }

    @Test
    void aDamagedManifestIsShownButStopsNothing() throws Exception {
        var first = create();
        java.nio.file.Files.writeString(lab.backup(first).resolve("manifest.json"), "{ not json");
        var second = create();

        var listed = lab.tend("backup", "list", "lab", "--json", "-c", config.toString());
        assertThat(listed.json().path("backups")).hasSize(1);
        assertThat(listed.json().path("backups").get(0).path("id").asString()).isEqualTo(second);
        assertThat(listed.json().path("damaged").toString()).contains(first, "not valid JSON");
        assertThat(lab.tend("backup", "prune", "lab", "-c", config.toString()).exitCode()).isZero();
        assertThat(lab.backup(first)).as("Tend never deletes what it cannot read").exists();
    }

    @Test
    void aTruncatedDumpFails() throws Exception {
        var id = create();
        var dump = lab.backup(id).resolve("lab.dump");
        try (var file = new RandomAccessFile(dump.toFile(), "rw")) {
            file.setLength(file.length() - 100);
        }

        var verified = lab.tend("backup", "verify", "lab", "--json", "-c", config.toString());

        assertThat(verified.exitCode()).isEqualTo(1);
        assertThat(verified.json().path("problems").toString()).contains("lab.dump is", "truncated");
    }

    @Test
    void aManifestWhoseRowCountsDisagreeFailsNamingTheTableAndLeavesNoScratchDatabase() throws Exception {
        var id = create();
        var backup = lab.backup(id);
        var manifest = Files.readString(backup.resolve("manifest.json")).replace("\"rows\" : 250", "\"rows\" : 251");
        Files.writeString(backup.resolve("manifest.json"), manifest);
        // Re-sign it as sha256sum would, so only the row counts disagree.
        var sums = Files.readString(backup.resolve("SHA256SUMS")).lines()
                .map(line -> line.endsWith("manifest.json") ? Sha256Sums.hex(Hashing.sha256(manifest.getBytes(StandardCharsets.UTF_8))) + "  manifest.json" : line)
                .reduce("", (all, line) -> all + line + "\n");
        Files.writeString(backup.resolve("SHA256SUMS"), sums);

        var verified = lab.tend("backup", "verify", "lab", "--json", "-c", config.toString());

        assertThat(verified.exitCode()).isEqualTo(1);
        assertThat(verified.json().path("problems").get(0).asString())
                .isEqualTo("table datasets.catalog: 250 rows restored, the manifest says 251");
        assertThat(lab.databasesStartingWith("tend_verify_")).isEmpty();
    }

    @Test
    void killingTheProcessMidBackupLeavesNothingCompleteAndTheNextRunCleansUp(PostgresServer postgres) throws Exception {
        var first = create();
        try (var blocker = postgres.connect("backup_lab")) {
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("LOCK TABLE datasets.catalog IN ACCESS EXCLUSIVE MODE"); // holds pg_dump at its locks
            var process = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp", System.getProperty("java.class.path"),
                    "dev.tend.cli.Main", "backup", "create", "lab", "-c", config.toString())
                    .redirectErrorStream(true).redirectOutput(directory.resolve("killed.log").toFile()).start();
            var temporary = awaitTemporaryDirectory(lab.backups().resolve("lab"));
            process.destroyForcibly(); // SIGKILL: no shutdown hook runs
            process.waitFor(10, TimeUnit.SECONDS);
            assertThat(Files.exists(temporary)).as("the kill came before the run's own cleanup").isTrue();
            blocker.rollback();
        }

        var listed = lab.tend("backup", "list", "lab", "--json", "-c", config.toString());
        assertThat(listed.json().path("backups")).hasSize(1);
        assertThat(listed.json().path("backups").get(0).path("id").asString()).isEqualTo(first);
        assertThat(listed.json().path("incomplete").toString()).contains(".tmp-");

        var next = lab.tend("backup", "create", "lab", "-c", config.toString());
        assertThat(next.exitCode()).as(next.err()).isZero();
        assertThat(next.out()).contains("removed leftover");
        try (var entries = Files.list(lab.backups().resolve("lab"))) {
            assertThat(entries.map(path -> path.getFileName().toString())).noneMatch(name -> name.startsWith(".tmp-")).hasSize(3); // 2 backups + .lock
        }
    }

    @Test
    void aDirectoryFormatBackupWithParallelJobsRestoresToo() throws Exception {
        config = lab.config("format: directory\n    jobs: 2");
        var created = lab.tend("backup", "create", "lab", "--json", "-c", config.toString());
        assertThat(created.exitCode()).as(created.err()).isZero();
        var backup = lab.backup(created.json().path("id").asString());
        assertThat(Commands.run(backup, "sha256sum", "-c", "SHA256SUMS")).contains("lab.dir/toc.dat: OK");

        var verified = lab.tend("backup", "verify", "lab", "--json", "-c", config.toString());
        assertThat(verified.exitCode()).as(verified.out()).isZero();
        assertThat(verified.json().path("rows").asLong()).isEqualTo(1250);
    }

    @Test
    void restoreNeedsConfirmationThenCreatesTheDatabaseOrReplacesOneAtomically() throws Exception {
        var id = create();
        var unconfirmed = lab.tend("backup", "restore", "lab", "--id", id, "--into", "lab_restored", "-c", config.toString());
        assertThat(unconfirmed.exitCode()).isEqualTo(2);
        assertThat(unconfirmed.err()).contains("--yes");
        assertThat(lab.databaseExists("lab_restored")).isFalse();

        var restored = lab.tend("backup", "restore", "lab", "--id", id, "--into", "lab_restored", "--yes", "-c", config.toString());
        assertThat(restored.exitCode()).as(restored.out() + restored.err()).isZero();
        assertThat(lab.count("lab_restored", "datasets.catalog")).isEqualTo(250);

        lab.tend("backup", "restore", "lab", "--id", id, "--into", "backup_lab", "--yes", "-c", config.toString());
        assertThat(lab.count("backup_lab", "datasets.catalog")).as("an existing database is not touched without --replace").isEqualTo(250);

        try (var connection = lab.connection("backup_lab")) {
            connection.createStatement().execute("DELETE FROM datasets.catalog WHERE id > 10");
        }
        var replaced = lab.tend("backup", "restore", "lab", "--id", id, "--into", "backup_lab", "--replace", "--yes", "-c", config.toString());
        assertThat(replaced.exitCode()).as(replaced.out() + replaced.err()).isZero();
        assertThat(lab.count("backup_lab", "datasets.catalog")).isEqualTo(250);
    }

    @Test
    void aDrillReportsTheTimeToRestoreAndKeepsTheCopyOnlyWhenAsked() throws Exception {
        create();
        var drill = lab.tend("backup", "drill", "lab", "--json", "-c", config.toString());
        assertThat(drill.exitCode()).as(drill.out()).isZero();
        assertThat(drill.json().path("kind").asString()).isEqualTo("drill");
        assertThat(drill.json().path("restoreMs").asLong()).isPositive();
        assertThat(lab.databasesStartingWith("tend_drill_")).isEmpty();

        lab.execute("postgres", "DROP DATABASE IF EXISTS lab_drill_copy");
        var kept = lab.tend("backup", "drill", "lab", "--into", "lab_drill_copy", "--keep", "-c", config.toString());
        assertThat(kept.exitCode()).isZero();
        assertThat(lab.count("lab_drill_copy", "datasets.catalog")).isEqualTo(250);

        var intoExisting = lab.tend("backup", "drill", "lab", "--into", "backup_lab", "--json", "-c", config.toString());
        assertThat(intoExisting.exitCode()).isEqualTo(1);
        assertThat(intoExisting.json().path("problems").get(0).asString()).contains("database backup_lab already exists");
        assertThat(lab.count("backup_lab", "datasets.catalog")).as("a person's database is never dropped as a leftover").isEqualTo(250);
    }

    @Test
    void aMissingOrTooOldPgDumpIsAClearError() throws Exception {
        var bin = Files.createDirectories(directory.resolve("bin"));
        config = lab.config("binDirectory: \"" + bin + "\"");
        var missing = lab.tend("backup", "create", "lab", "-c", config.toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("pg_dump not found in binDirectory " + bin);

        for (var tool : List.of("pg_dump", "pg_restore")) {
            var script = bin.resolve(tool);
            Files.writeString(script, "#!/bin/sh\necho '" + tool + " (PostgreSQL) 13.4'\n");
            script.toFile().setExecutable(true);
        }
        var old = lab.tend("backup", "create", "lab", "-c", config.toString());
        assertThat(old.exitCode()).isEqualTo(1);
        assertThat(old.err()).contains("pg_dump 13.4", "is older than the server (15.");
        assertThat(lab.tend("backup", "list", "lab", "--json", "-c", config.toString()).json().path("backups")).isEmpty();
    }

    private String create() {
        var created = lab.tend("backup", "create", "lab", "--json", "-c", config.toString());
        assertThat(created.exitCode()).as(created.err()).isZero();
        return created.json().path("id").asString();
    }

    private static Path awaitTemporaryDirectory(Path parent) throws Exception {
        for (int attempt = 0; attempt < 3000; attempt++) {
            if (Files.isDirectory(parent)) {
                try (var entries = Files.list(parent)) {
                    var found = entries.filter(path -> path.getFileName().toString().startsWith(".tmp-")).findFirst();
                    if (found.isPresent()) return found.get();
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no .tmp- directory appeared in " + parent);
    }
}
