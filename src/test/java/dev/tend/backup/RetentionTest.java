package dev.tend.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.check.RunChecks;
import dev.tend.config.Redactor;
import dev.tend.config.StoreSettings;
import dev.tend.store.Stores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 120 days of nightly backups in a real directory, pruned every night by the service with an
 * injected clock: exactly the grandfather-father-son set survives.
 */
class RetentionTest {
    /** Day 0 is Monday 2026-01-05; every backup starts at 01:00 UTC, so each ISO week's newest is its Sunday. */
    private static final Instant DAY_ZERO = Instant.parse("2026-01-05T01:00:00Z");
    private static final RetentionPolicy RUNBOOK = new RetentionPolicy(Duration.ofDays(30), Duration.ofDays(90), Optional.empty());

    @TempDir
    Path directory;

    @Test
    void nightlyPruningOver120DaysKeepsThirtyDailiesTheSundaysOfNinetyDaysAndTheNewestVerified() throws Exception {
        var settings = settings(RUNBOOK);
        var destination = new LocalDestination(directory.resolve("backups"), "lab");
        try (var store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")))) {
            for (int day = 0; day < 120; day++) {
                var at = DAY_ZERO.plus(Duration.ofDays(day));
                fabricate(destination, at);
                if (day == 5 || day == 20) new Verifications(store).save(passed(id(at), at.plusSeconds(600)));
                var clock = Clock.fixed(at.plus(Duration.ofHours(1)), ZoneOffset.UTC);
                new BackupService(clock, Map.<String, String>of()::get, ZoneOffset.UTC, Redactor.none(), BackupListener.SILENT)
                        .prune(settings, false, store);
            }
        }

        var expected = new TreeSet<Integer>();
        IntStream.rangeClosed(90, 119).forEach(expected::add);            // daily: younger than 30 days
        IntStream.of(34, 41, 48, 55, 62, 69, 76, 83).forEach(expected::add); // weekly: Sundays younger than 90 days
        expected.add(20);                                                 // the newest verified backup
        assertThat(keptDays()).isEqualTo(expected);
    }

    @Test
    void aDryRunSaysWhyAndDeletesNothing() throws Exception {
        var destination = new LocalDestination(directory.resolve("backups"), "lab");
        for (int day = 0; day < 40; day++) fabricate(destination, DAY_ZERO.plus(Duration.ofDays(day)));
        var now = Clock.fixed(DAY_ZERO.plus(Duration.ofDays(39)).plus(Duration.ofHours(1)), ZoneOffset.UTC);
        List<Retention.Decision> decisions;
        try (var store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")))) {
            decisions = new BackupService(now, Map.<String, String>of()::get, ZoneOffset.UTC, Redactor.none(), BackupListener.SILENT)
                    .prune(settings(RUNBOOK), true, store);
        }
        assertThat(keptDays()).hasSize(40);
        var day0 = decisions.stream().filter(decision -> decision.backup().id().equals(id(DAY_ZERO))).findFirst().orElseThrow();
        assertThat(day0.keep()).isFalse();
        assertThat(day0.reason()).isEqualTo("39 days old: past the daily term (30 days), not the newest of its week");
        var sunday = decisions.stream().filter(decision -> decision.backup().id().equals(id(DAY_ZERO.plus(Duration.ofDays(6))))).findFirst().orElseThrow();
        assertThat(sunday.keep()).isTrue();
        assertThat(sunday.reason()).isEqualTo("weekly: 33 days old, kept for 90 days");
    }

    @Test
    void monthlyTermKeepsEachMonthsNewestAndALabelledBackupCountsAsWeekly() {
        var backups = IntStream.range(0, 120).mapToObj(day -> manifest(DAY_ZERO.plus(Duration.ofDays(day)), day == 3 ? "weekly" : "daily"))
                .sorted((a, b) -> b.startedAt().compareTo(a.startedAt())).toList();
        var now = DAY_ZERO.plus(Duration.ofDays(119)).plus(Duration.ofHours(1));
        var policy = new RetentionPolicy(Duration.ofDays(30), Duration.ofDays(120), Optional.of(Duration.ofDays(365)));

        var kept = Retention.decide(backups, policy, now, ZoneOffset.UTC, Optional.empty()).stream()
                .filter(Retention.Decision::keep).map(decision -> dayOf(decision.backup().id())).collect(Collectors.toCollection(TreeSet::new));

        assertThat(kept).contains(3, 26, 54, 85); // labelled weekly; newest of January, February, March
        assertThat(kept).doesNotContain(2, 4, 25, 53);
    }

    private BackupSettings settings(RetentionPolicy policy) throws Exception {
        var target = RunChecks.target("name: db, type: postgres, url: \"postgresql://tend@127.0.0.1:5432/lab\"");
        return new BackupSettings("lab", target, new BackupLocation.Local(directory.resolve("backups")), BackupSettings.DumpFormat.CUSTOM, 1, true,
                policy, List.of(), Optional.empty(), Duration.ofHours(6), Optional.empty(),
                new dev.tend.check.Thresholds(26 * 3600, 50 * 3600), new dev.tend.check.Thresholds(26 * 3600, 8 * 86400));
    }

    private void fabricate(LocalDestination destination, Instant at) throws Exception {
        var manifest = manifest(at, "daily");
        try (var staging = destination.stage(manifest.id(), -1)) {
            try (var out = staging.create("lab.dump")) {
                out.write(("dump of " + manifest.id()).getBytes(StandardCharsets.UTF_8));
            }
            var bytes = ManifestJson.write(manifest);
            staging.publish(manifest.files(), bytes, Sha256Sums.write(manifest.files(), bytes));
        }
    }

    private static Manifest manifest(Instant at, String retentionClass) {
        var content = ("dump of " + id(at)).getBytes(StandardCharsets.UTF_8);
        var file = new Manifest.FileEntry("lab.dump", content.length, Sha256Sums.hex(Hashing.sha256(content)));
        return new Manifest(Manifest.VERSION, id(at), "lab", "postgres", "db", "127.0.0.1:5432/lab", "custom", at, at.plusSeconds(60),
                Map.of(), List.of(file), content.length, 0, "exact", List.of(), Map.of(), retentionClass);
    }

    private static Verification passed(String id, Instant at) {
        return new Verification("lab", id, Verification.VERIFY, true, List.of(), List.of(), at, Duration.ofSeconds(5), Duration.ZERO,
                Duration.ofSeconds(3), 3, 1250, Map.of());
    }

    private static String id(Instant at) {
        return at.toString().replace("-", "").replace(":", "");
    }

    private static int dayOf(String id) {
        return (int) Duration.between(DAY_ZERO, Instant.parse(id.replaceAll("(\\d{4})(\\d{2})(\\d{2})T(\\d{2})(\\d{2})(\\d{2})Z", "$1-$2-$3T$4:$5:$6Z"))).toDays();
    }

    private TreeSet<Integer> keptDays() throws Exception {
        try (var entries = Files.list(directory.resolve("backups").resolve("lab"))) {
            return entries.map(path -> path.getFileName().toString()).filter(name -> !name.startsWith("."))
                    .map(RetentionTest::dayOf).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
