package dev.tend.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.config.StoreSettings;
import dev.tend.store.Stores;
import dev.tend.window.MaintenanceWindows;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Raw results past their retention go; their days stay as rollups (made first when missing); the latest result of each check stays. */
class ResultRetentionTest {
    @TempDir
    Path directory;

    @Test
    void oldResultsGoTheirDaysStayAsRollupsAndEachChecksLatestStays() throws Exception {
        var today = LocalDate.parse("2026-12-01");
        var clock = Clock.fixed(today.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        try (var store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")))) {
            var results = new ArrayList<CheckResult>();
            // 120 days of db/connect, four results a day (one CRIT); a check that stopped reporting 100 days ago.
            for (int daysAgo = 119; daysAgo >= 0; daysAgo--) {
                for (int hour = 0; hour < 24; hour += 6) {
                    results.add(new CheckResult("db", "connect", hour == 6 ? Status.CRIT : Status.OK, "r", List.of(),
                            today.minusDays(daysAgo).atTime(hour, 0).toInstant(ZoneOffset.UTC), Duration.ofMillis(7)));
                }
            }
            results.add(new CheckResult("old", "retired", Status.OK, "the last word", List.of(), today.minusDays(100).atTime(1, 0).toInstant(ZoneOffset.UTC),
                    Duration.ofMillis(3)));
            new ResultHistory(store).save(results);
            var rollups = new DailyRollups(store, MaintenanceWindows.none());
            // Only the last 10 days were rolled up before: the older ones must be rolled up before their results go.
            for (int daysAgo = 10; daysAgo >= 0; daysAgo--) rollups.rollUp(today.minusDays(daysAgo));
            var recentBefore = rollups.between(today.minusDays(10), today);

            long removed = new ResultRetention(store, rollups).prune(clock, Duration.ofDays(90));

            var cutoff = today.minusDays(90);
            // Whole days go: the day that crosses the 90-day line stays, so days 119 to 91 ago (29 of them) are removed.
            assertThat(removed).isEqualTo(29 * 4);
            var history = new ResultHistory(store).history("db", "connect", 10_000);
            assertThat(history).hasSize(91 * 4);
            assertThat(history).allSatisfy(result -> assertThat(result.startedAt()).isAfterOrEqualTo(cutoff.atStartOfDay(ZoneOffset.UTC).toInstant()));
            var oldDays = rollups.between(today.minusDays(119), cutoff.minusDays(1)).stream().filter(day -> day.target().equals("db")).toList();
            assertThat(oldDays).hasSize(29).allSatisfy(day -> {
                assertThat(day.results()).isEqualTo(4);
                assertThat(day.crit()).isEqualTo(1);
            });
            assertThat(rollups.between(today.minusDays(10), today)).as("rollups untouched").isEqualTo(recentBefore);
            assertThat(new ResultHistory(store).latest()).extracting(CheckResult::reason).contains("the last word");

            assertThat(new ResultRetention(store, rollups).prune(clock, Duration.ofDays(90))).as("again: nothing more").isZero();
        }
    }
}
