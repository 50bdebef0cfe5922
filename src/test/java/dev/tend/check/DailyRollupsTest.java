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
}
