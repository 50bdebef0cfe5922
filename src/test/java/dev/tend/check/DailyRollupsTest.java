package dev.tend.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.config.StoreSettings;
import dev.tend.registry.BuiltIn;
import dev.tend.schedule.WindowsSection;
import dev.tend.store.Stores;
import dev.tend.testing.MovableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Daily rollups: counts by status, results in a window counted as maintenance, the same rows however often a day is rebuilt. */
class DailyRollupsTest {
    @TempDir
    Path directory;

    @Test
    void aDayIsCountedByStatusWithMaintenanceApartAndRebuildingItChangesNothing() throws Exception {
        var config = BuiltIn.configLoader(Map.<String, String>of()::get).parse("""
                platform: { name: Lab }
                targets:
                  - { name: db, type: tcp, address: "127.0.0.1:1" }
                windows:
                  - { name: weekly, cron: "0 2 * * SUN", duration: 2h, timezone: UTC }
                """, Path.of("tend.yaml"));
        var sunday = LocalDate.parse("2026-12-06");
        try (var store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")))) {
            var results = new ArrayList<CheckResult>();
            // Every hour: down from 02:00 to 04:00 (inside the window), one WARN at 10:00, one CRIT at 12:00, one UNKNOWN at 14:00.
            for (int hour = 0; hour < 24; hour++) {
                var status = hour == 2 || hour == 3 ? Status.CRIT : hour == 10 ? Status.WARN : hour == 12 ? Status.CRIT : hour == 14 ? Status.UNKNOWN : Status.OK;
                results.add(new CheckResult("db", "connect", status, "r", List.of(), sunday.atTime(hour, 0).toInstant(java.time.ZoneOffset.UTC),
                        Duration.ofMillis(10 + hour)));
            }
            results.add(new CheckResult("db", "connect", Status.OK, "next day", List.of(), Instant.parse("2026-12-07T00:00:00Z"), Duration.ofMillis(5)));
            new ResultHistory(store).save(results);
            var rollups = new DailyRollups(store, WindowsSection.calendar(config));

            rollups.rollUp(sunday);
            var first = rollups.between(sunday, sunday);
            rollups.rollUp(sunday);
            var again = rollups.between(sunday, sunday);

            assertThat(first).singleElement().satisfies(day -> {
                assertThat(day.results()).isEqualTo(24);
                assertThat(day.ok()).isEqualTo(19);
                assertThat(day.warn()).isEqualTo(1);
                assertThat(day.crit()).as("the 02:00 and 03:00 failures were maintenance, not down").isEqualTo(1);
                assertThat(day.unknown()).isEqualTo(1);
                assertThat(day.inMaintenance()).as("02:00 and 03:00 fell in the window").isEqualTo(2);
                assertThat(day.counted()).isEqualTo(21);
                assertThat(day.up()).isEqualTo(20);
                assertThat(day.durationMinMs()).isEqualTo(10);
                assertThat(day.durationMaxMs()).isEqualTo(33);
                assertThat(day.lastStatus()).isEqualTo(Status.OK);
            });
            assertThat(again).as("rebuilding a day gives the same rows").isEqualTo(first);

            var due = rollups.due(new MovableClock(Instant.parse("2026-12-07T12:00:00Z")), 3);
            assertThat(due).as("from the last day rolled up (it may have been partial) to today").containsExactly(sunday, LocalDate.parse("2026-12-07"));
            assertThat(rollups.between(sunday, LocalDate.parse("2026-12-07"))).hasSize(2);
        }
    }

    @Test
    void eachMeasurementIsRolledUpWithItsLeastGreatestMeanAndLastValue() throws Exception {
        var day = LocalDate.parse("2026-12-02");
        try (var store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")))) {
            var results = new ArrayList<CheckResult>();
            double[] used = {61.5, 62.0, 64.5, 63.0};
            for (int hour = 0; hour < used.length; hour++) {
                results.add(new CheckResult("host", "disk:/", Status.OK, "r", List.of(new Measurement("used", used[hour], "%"),
                        new Measurement("free", 1000 - hour, "bytes")), day.atTime(hour * 6, 0).toInstant(java.time.ZoneOffset.UTC), Duration.ofMillis(3)));
            }
            results.add(new CheckResult("host", "disk:/", Status.OK, "the day before", List.of(new Measurement("used", 10, "%")),
                    day.minusDays(1).atTime(23, 0).toInstant(java.time.ZoneOffset.UTC), Duration.ofMillis(3)));
            new ResultHistory(store).save(results);
            var rollups = new DailyRollups(store, dev.tend.window.MaintenanceWindows.none());

            rollups.rollUp(day);
            var first = rollups.measures(day, day);
            rollups.rollUp(day);

            assertThat(rollups.measures(day, day)).as("rebuilt the same").isEqualTo(first);
            assertThat(first).extracting(DailyMeasure::measurement).containsExactly("free", "used");
            var disk = first.get(1);
            assertThat(disk.samples()).isEqualTo(4);
            assertThat(disk.min()).isEqualTo(61.5);
            assertThat(disk.max()).isEqualTo(64.5);
            assertThat(disk.mean()).isEqualTo((61.5 + 62.0 + 64.5 + 63.0) / 4);
            assertThat(disk.last()).as("the day's last sample, not its greatest").isEqualTo(63.0);
            assertThat(disk.unit()).isEqualTo("%");
            assertThat(first.get(0).last()).isEqualTo(997);
        }
    }

    @Test
    void rollupsEqualTheRawRowsAggregatesAcrossADaylightSavingNight() throws Exception {
        // Europe switched to summer time at 01:00 UTC on 2027-03-28; days are UTC days, so each still holds 288 five-minute results.
        var random = new java.util.Random(42);
        var results = new ArrayList<CheckResult>();
        var start = Instant.parse("2027-03-27T00:00:00Z");
        for (int slot = 0; slot < 3 * 288; slot++) {
            var status = Status.values()[random.nextInt(10) < 7 ? 0 : random.nextInt(Status.values().length)];
            results.add(new CheckResult("app", "http", status, "r", List.of(new Measurement("latency", 5 + random.nextInt(200), "ms")),
                    start.plus(Duration.ofMinutes(5L * slot)), Duration.ofMillis(1 + random.nextInt(500))));
        }
        try (var store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")))) {
            new ResultHistory(store).save(results);
            var rollups = new DailyRollups(store, dev.tend.window.MaintenanceWindows.none());
            for (int pass = 0; pass < 2; pass++) {
                for (int day = 0; day < 3; day++) rollups.rollUp(LocalDate.parse("2027-03-27").plusDays(day));
            }

            var days = rollups.between(LocalDate.parse("2027-03-27"), LocalDate.parse("2027-03-29"));
            var measures = rollups.measures(LocalDate.parse("2027-03-27"), LocalDate.parse("2027-03-29"));
            assertThat(days).hasSize(3);
            assertThat(measures).hasSize(3);
            for (int day = 0; day < 3; day++) {
                var raw = results.subList(day * 288, (day + 1) * 288);
                var rolled = days.get(day);
                assertThat(rolled.results()).isEqualTo(288);
                assertThat(rolled.ok()).isEqualTo(raw.stream().filter(result -> result.status() == Status.OK).count());
                assertThat(rolled.crit()).isEqualTo(raw.stream().filter(result -> result.status() == Status.CRIT).count());
                assertThat(rolled.durationSumMs()).isEqualTo(raw.stream().mapToLong(result -> result.duration().toMillis()).sum());
                assertThat(rolled.durationMaxMs()).isEqualTo(raw.stream().mapToLong(result -> result.duration().toMillis()).max().orElseThrow());
                assertThat(rolled.lastStatus()).isEqualTo(raw.getLast().status());
                var latency = raw.stream().mapToDouble(result -> result.measurements().getFirst().value()).summaryStatistics();
                var measure = measures.get(day);
                assertThat(measure.samples()).isEqualTo(288);
                assertThat(measure.min()).isEqualTo(latency.getMin());
                assertThat(measure.max()).isEqualTo(latency.getMax());
                assertThat(measure.sum()).isEqualTo(latency.getSum());
                assertThat(measure.last()).isEqualTo(raw.getLast().measurements().getFirst().value());
            }
        }
    }
}
