package dev.tend.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.check.CheckResult;
import dev.tend.check.Measurement;
import dev.tend.check.ResultHistory;
import dev.tend.check.Status;
import dev.tend.config.StoreSettings;
import dev.tend.postgres.report.IndexScanSnapshots;
import dev.tend.task.TaskOutcomes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The behaviour every store must have; run once per database by the subclasses. */
abstract class ResultStoreContract {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    /** A fresh, empty store location for each test. */
    abstract StoreSettings freshStore() throws Exception;

    @Test
    void resultsSurviveARestart() throws Exception {
        var settings = freshStore();
        try (var store = Stores.open(settings)) {
            new ResultHistory(store).save(List.of(result("db", "ping", Status.OK, T0), result("db", "connections", Status.WARN, T0)));
        }

        try (var reopened = Stores.open(settings)) {
            assertThat(new ResultHistory(reopened).latest()).containsExactly(
                    result("db", "connections", Status.WARN, T0), result("db", "ping", Status.OK, T0));
        }
    }

    @Test
    void latestIsTheNewestResultOfEachCheckAndHistoryIsNewestFirst() throws Exception {
        try (var store = Stores.open(freshStore())) {
            new ResultHistory(store).save(List.of(result("db", "ping", Status.OK, T0), result("cache", "ping", Status.OK, T0)));
            new ResultHistory(store).save(List.of(result("db", "ping", Status.CRIT, T0.plusSeconds(60))));
            new ResultHistory(store).save(List.of(result("db", "ping", Status.WARN, T0.plusSeconds(120))));

            assertThat(new ResultHistory(store).latest()).extracting(CheckResult::target, CheckResult::status).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("cache", Status.OK),
                    org.assertj.core.groups.Tuple.tuple("db", Status.WARN));
            assertThat(new ResultHistory(store).history("db", "ping", 10)).extracting(CheckResult::status)
                    .containsExactly(Status.WARN, Status.CRIT, Status.OK);
            assertThat(new ResultHistory(store).history("db", "ping", 2)).hasSize(2);
            assertThat(new ResultHistory(store).history("nope", "ping", 10)).isEmpty();
        }
    }

    @Test
    void recentStatusesOfManyChecksInOneGoMatchEachChecksHistory() throws Exception {
        try (var store = Stores.open(freshStore())) {
            var history = new ResultHistory(store);
            var statuses = Status.values();
            for (int round = 0; round < 25; round++) {
                var results = new java.util.ArrayList<CheckResult>();
                for (int target = 0; target < 130; target++) {
                    results.add(result("t" + target, "ping", statuses[(round + target) % statuses.length], T0.plusSeconds(60L * round)));
                }
                history.save(results);
            }
            var keys = new java.util.ArrayList<ResultHistory.Key>();
            for (int target = 0; target < 130; target++) keys.add(new ResultHistory.Key("t" + target, "ping"));
            keys.add(new ResultHistory.Key("nope", "ping"));

            var recent = history.recentStatuses(keys, 20); // 131 checks: two chunks
            assertThat(recent).hasSize(130).doesNotContainKey(new ResultHistory.Key("nope", "ping"));
            for (int target : new int[] {0, 57, 99, 100, 129}) {
                assertThat(recent.get(keys.get(target))).as("t" + target)
                        .isEqualTo(history.history("t" + target, "ping", 20).stream().map(CheckResult::status).toList());
            }
        }
    }

    @Test
    void measurementsReasonsAndTimingsRoundTripExactly() throws Exception {
        var original = new CheckResult("host", "disk:/var/lib/docker", Status.CRIT,
                "disk /var/lib/docker 93% used — “quotes”, ünïcode and 'apostrophes'",
                List.of(new Measurement("used", 93.25, "%"), new Measurement("free", 1.5e12, "bytes")),
                T0.plusMillis(123), Duration.ofMillis(4567));
        try (var store = Stores.open(freshStore())) {
            new ResultHistory(store).save(List.of(original));

            assertThat(new ResultHistory(store).history("host", "disk:/var/lib/docker", 1)).containsExactly(original);
        }
    }

    @Test
    void taskOutcomesAreKeptAsEvidenceNewestFirst() throws Exception {
        var first = new dev.tend.task.TaskOutcome("pg.vacuum", "db", "\"Lab Schema\".t", dev.tend.task.TaskOutcome.Result.SUCCEEDED,
                "1 statements ran", false, T0, Duration.ofMillis(250), List.of("VACUUM (ANALYZE) \"Lab Schema\".t"),
                List.of(new Measurement("n_dead_tup", 20000, "count")), List.of(new Measurement("n_dead_tup", 0, "count")));
        var second = new dev.tend.task.TaskOutcome("pg.analyze", "db", "database app", dev.tend.task.TaskOutcome.Result.PLANNED,
                "dry run: nothing was executed", true, T0.plusSeconds(60), Duration.ofMillis(5), List.of("ANALYZE"), List.of(), List.of());
        try (var store = Stores.open(freshStore())) {
            new TaskOutcomes(store).save(first);
            new TaskOutcomes(store).save(second);

            assertThat(new TaskOutcomes(store).recent("db", 10)).containsExactly(second, first);
            assertThat(new TaskOutcomes(store).recent("other", 10)).isEmpty();
        }
    }

    @Test
    void anIndexIsUnscannedSinceTheRunOfSnapshotsEqualToItsCountToday() throws Exception {
        try (var store = Stores.open(freshStore())) {
            new IndexScanSnapshots(store).save("db", T0, java.util.Map.of("s.idle", 0L, "s.busy", 3L, "s.reset", 9L));
            new IndexScanSnapshots(store).save("db", T0.plus(Duration.ofDays(5)), java.util.Map.of("s.idle", 0L, "s.busy", 8L, "s.reset", 0L));
            new IndexScanSnapshots(store).save("db", T0.plus(Duration.ofDays(9)), java.util.Map.of("s.idle", 0L, "s.busy", 8L, "s.reset", 0L));

            var since = new IndexScanSnapshots(store).unscannedSince("db", java.util.Map.of("s.idle", 0L, "s.busy", 8L, "s.reset", 0L, "s.new", 0L));

            assertThat(since).containsEntry("s.idle", T0)                          // never moved
                    .containsEntry("s.busy", T0.plus(Duration.ofDays(5)))          // last scanned between day 0 and 5
                    .containsEntry("s.reset", T0.plus(Duration.ofDays(5)))         // statistics reset: only since then
                    .doesNotContainKey("s.new");
            assertThat(new IndexScanSnapshots(store).unscannedSince("other", java.util.Map.of("s.idle", 0L))).isEmpty();
        }
    }

    @Test
    void anEmptyBatchIsANoOp() throws Exception {
        try (var store = Stores.open(freshStore())) {
            new ResultHistory(store).save(List.of());

            assertThat(new ResultHistory(store).latest()).isEmpty();
        }
    }

    static CheckResult result(String target, String check, Status status, Instant at) {
        return new CheckResult(target, check, status, check + " is " + status, List.of(new Measurement("latency", 3.5, "ms")),
                at, Duration.ofMillis(12));
    }
}
