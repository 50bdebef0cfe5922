package dev.tend.logs.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.testing.TendCli;
import dev.tend.config.StoreSettings;
import dev.tend.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The runbooks' find -mtime +N -delete, as rules: ages by an injected clock, symlinks never followed, the store and / refused, evidence kept. */
class CleanupCommandTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    @TempDir
    Path directory;
    private Path config;
    private Path tmp;
    private Path outside;

    @BeforeEach
    void setUp() throws Exception {
        tmp = Files.createDirectories(directory.resolve("data/tmp"));
        outside = Files.createDirectories(directory.resolve("outside"));
        file(tmp.resolve("a.tmp"), 10, "aaaa");
        file(tmp.resolve("b.tmp"), 3, "bb");
        Files.createDirectories(tmp.resolve("nested"));
        file(tmp.resolve("nested/c.tmp"), 8, "cccccc");
        file(outside.resolve("secret.tmp"), 100, "keep me");
        Files.createSymbolicLink(tmp.resolve("link.tmp"), outside.resolve("secret.tmp"));
        Files.createSymbolicLink(tmp.resolve("outlink"), outside);
        var models = Files.createDirectories(directory.resolve("data/models"));
        for (var checkpoint : List.of(1, 2, 3)) Files.createDirectories(models.resolve("checkpoint_" + checkpoint));
        file(models.resolve("checkpoint_1/weights.bin"), 100, "w1");
        file(models.resolve("checkpoint_2/weights.bin"), 100, "w2");
        file(models.resolve("checkpoint_2/fresh.bin"), 1, "new");
        file(models.resolve("checkpoint_3/weights.bin"), 95, "w3");
        for (var checkpoint : List.of(1, 2, 3)) Files.setLastModifiedTime(models.resolve("checkpoint_" + checkpoint), time(120));
        var logs = Files.createDirectories(directory.resolve("data/logs"));
        file(logs.resolve("app.log.1"), 9, "line one\nline two\n");
        file(logs.resolve("app.log"), 0, "today\n");
        config = Files.writeString(directory.resolve("tend.yaml"), """
                platform: { name: Lab }
                targets:
                  - { name: api, type: tcp, address: "127.0.0.1:1" }
                cleanup:
                  - { name: tmp, path: "%1$s/data/tmp", olderThan: 7d }
                  - { name: checkpoints, path: "%1$s/data/models", match: "checkpoint_*", olderThan: 90d, directories: true, minKeep: 1 }
                  - { name: old-logs, path: "%1$s/data/logs", match: "*.log*", olderThan: 7d, action: compress }
                  - { name: everything, path: "%1$s/store-here", olderThan: 1d }
                store: { path: "%1$s/store-here/tend.db" }
                """.formatted(directory));
    }

    @Test
    void aDryRunListsWhatWouldGoAndChangesNothingThenTheRunRemovesItAndKeepsTheList() throws Exception {
        var dry = tend("cleanup", "tmp", "--dry-run");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("would delete 2 of 3 matching in " + tmp + " (10 B), older than 7 days; 2 symlinks skipped",
                "10 days  " + tmp.resolve("a.tmp"), "8 days  " + tmp.resolve("nested/c.tmp")).doesNotContain("b.tmp");
        assertThat(tmp.resolve("a.tmp")).exists();

        var run = tend("cleanup", "tmp", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        var json = JsonMapper.builder().build().readTree(run.out());
        assertThat(json.path("entries")).hasSize(2);
        assertThat(json.path("bytes").asLong()).isEqualTo(10);
        assertThat(tmp.resolve("a.tmp")).doesNotExist();
        assertThat(tmp.resolve("nested/c.tmp")).doesNotExist();
        assertThat(tmp.resolve("b.tmp")).exists();
        assertThat(outside.resolve("secret.tmp")).as("a link is never followed").hasContent("keep me");
        assertThat(tmp.resolve("link.tmp")).as("nor removed: it is skipped").exists();

        try (var store = Stores.open(StoreSettings.sqlite(directory.resolve("store-here/tend.db")))) {
            var runs = new CleanupRuns(store);
            var recorded = runs.recent("tmp", 1).getFirst();
            assertThat(recorded.entries()).isEqualTo(2);
            assertThat(recorded.sha256()).isEqualTo(json.path("listSha256").asString());
            var list = runs.list("tmp", recorded.at());
            assertThat(CleanupRuns.sha256(list)).isEqualTo(recorded.sha256());
            assertThat(list).contains(tmp.resolve("a.tmp") + "\t4\t", tmp.resolve("nested/c.tmp") + "\t6\t");
        }
    }

    @Test
    void checkpointDirectoriesGoWholeWhenEverythingInThemIsOldAndTheNewestStays() throws Exception {
        var run = tend("cleanup", "checkpoints");
        assertThat(run.exitCode()).as(run.err()).isZero();
        var models = directory.resolve("data/models");
        assertThat(models.resolve("checkpoint_2")).as("holds a file written yesterday: the newest, kept").exists();
        assertThat(models.resolve("checkpoint_1")).doesNotExist();
        assertThat(models.resolve("checkpoint_3")).doesNotExist();
    }

    @Test
    void compressionKeepsTheTimeAndReadsBackAsZcatWould() throws Exception {
        var logs = directory.resolve("data/logs");
        var before = Files.getLastModifiedTime(logs.resolve("app.log.1"));
        assertThat(tend("cleanup", "old-logs").exitCode()).isZero();
        assertThat(logs.resolve("app.log.1")).doesNotExist();
        assertThat(logs.resolve("app.log")).as("written today").exists();
        try (var in = new GZIPInputStream(Files.newInputStream(logs.resolve("app.log.1.gz")))) {
            assertThat(new String(in.readAllBytes())).isEqualTo("line one\nline two\n");
        }
        assertThat(Files.getLastModifiedTime(logs.resolve("app.log.1.gz"))).isEqualTo(before);
        assertThat(tend("cleanup", "old-logs", "--dry-run").out()).as("a .gz is not compressed again").startsWith("would compress 0 of 1 matching");
    }

    @Test
    void theStoresDirectoryAndSlashAreRefused() throws Exception {
        Files.createDirectories(directory.resolve("store-here"));
        var store = tend("cleanup", "everything", "--dry-run");
        assertThat(store.exitCode()).isEqualTo(2);
        assertThat(store.err()).contains("refusing to clean up " + directory.resolve("store-here") + ": it holds Tend's own store");
        Files.writeString(config, Files.readString(config).replace("path: \"" + directory + "/data/tmp\"", "path: /"));
        var slash = tend("validate");
        assertThat(slash.exitCode()).isEqualTo(2);
        assertThat(slash.err()).contains("cleanup[0].path: refusing to clean up /");
    }

    private static void file(Path file, int daysOld, String content) throws Exception {
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, time(daysOld));
    }

    private static FileTime time(int daysOld) {
        return FileTime.from(NOW.minus(Duration.ofDays(daysOld)));
    }


    private TendCli.Run tend(String... args) {
        return TendCli.run(Clock.fixed(NOW, ZoneOffset.UTC), config, args);
    }
}
