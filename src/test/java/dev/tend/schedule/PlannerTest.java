package dev.tend.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.config.TendConfig;
import dev.tend.registry.BuiltIn;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the schedules will do: disruptive work waits for a window long enough, or is skipped or blocked with a reason. */
class PlannerTest {
    private static final String PLATFORM = """
            platform: { name: Lab, timezone: UTC }
            targets:
              - { name: db, type: postgres, url: "postgresql://tend@127.0.0.1:5432/app" }
              - { name: other, type: postgres, url: "postgresql://tend@127.0.0.1:5432/other" }
            windows:
              - { name: weekly,  cron: "0 2 * * SUN",   duration: 2h }
              - { name: monthly, cron: "0 1 * * SUN#1", duration: 4h, targets: [db] }
            """;
    /** Monday 23 November 2026. */
    private static final Instant MONDAY = Instant.parse("2026-11-23T00:00:00Z");

    @Test
    void aDisruptiveTaskDueOutsideAnyWindowWaitsForTheNextOne() throws Exception {
        var config = config("""
                schedules:
                  - { name: reindex, run: pg.terminate-idle db, cron: "0 12 * * MON", expectedDuration: 1h }
                  - { name: vacuum, run: pg.vacuum db, cron: "0 12 * * MON" }
                """);
        var runs = plan(config, Map.of(), 7);

        var reindex = runs.stream().filter(run -> run.schedule().equals("reindex")).findFirst().orElseThrow();
        assertThat(reindex.due()).isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
        assertThat(reindex.outcome()).isEqualTo(PlannedRun.Outcome.WAITS);
        assertThat(reindex.runAt()).contains(Instant.parse("2026-11-29T02:00:00Z"));
        assertThat(reindex.window()).contains("weekly");
        assertThat(reindex.note()).startsWith("disruptive: waits for window weekly (opens 2026-11-29T02:00:00Z)");

        var vacuum = runs.stream().filter(run -> run.schedule().equals("vacuum")).findFirst().orElseThrow();
        assertThat(vacuum.outcome()).as("online work runs when due").isEqualTo(PlannedRun.Outcome.RUNS);
        assertThat(vacuum.runAt()).contains(Instant.parse("2026-11-23T12:00:00Z"));
    }

    @Test
    void aWindowTooShortForTheExpectedDurationIsPassedOverOrSkippedWithTheReason() throws Exception {
        var config = config("""
                schedules:
                  - { name: in-weekly, run: pg.terminate-idle db, window: weekly, expectedDuration: 3h }
                  - { name: anytime, run: pg.terminate-idle db, cron: "0 12 * * MON", expectedDuration: 3h }
                """);
        var runs = plan(config, Map.of(), 14);

        var inWeekly = runs.stream().filter(run -> run.schedule().equals("in-weekly")).toList();
        assertThat(inWeekly).hasSize(2).allSatisfy(run -> {
            assertThat(run.outcome()).isEqualTo(PlannedRun.Outcome.SKIPPED);
            assertThat(run.runAt()).isEmpty();
            assertThat(run.note()).isEqualTo("window weekly lasts 2h 0m, less than the 3h 0m it is expected to take");
        });
        var anytime = runs.stream().filter(run -> run.schedule().equals("anytime")).findFirst().orElseThrow();
        assertThat(anytime.runAt()).contains(Instant.parse("2026-12-06T01:00:00Z"));
        assertThat(anytime.window()).contains("monthly");
        assertThat(anytime.note()).contains("passes over weekly at 2026-11-29T02:00:00Z (2h 0m left, 3h 0m expected)");
    }

    @Test
    void withoutAWindowCoveringTheTargetLongEnoughItIsBlocked() throws Exception {
        var config = config("""
                schedules:
                  - { name: reindex-other, run: pg.terminate-idle other, cron: "0 12 * * MON", expectedDuration: 3h }
                """);
        var run = plan(config, Map.of(), 7).get(0);
        assertThat(run.outcome()).isEqualTo(PlannedRun.Outcome.BLOCKED);
        assertThat(run.note()).isEqualTo("disruptive, and no window covering other has 3h 0m free in the next 400 days");
    }

    @Test
    void theExpectedDurationIsLearnedWhenNotDeclared() throws Exception {
        var config = config("""
                schedules:
                  - { name: reindex, run: pg.terminate-idle db, cron: "0 12 * * MON" }
                """);
        var learnedThreeHours = plan(config, Map.of("reindex", Duration.ofHours(3)), 7).get(0);
        assertThat(learnedThreeHours.runAt()).as("only monthly has 3h").contains(Instant.parse("2026-12-06T01:00:00Z"));
        var unknown = plan(config, Map.of(), 7).get(0);
        assertThat(unknown.runAt()).contains(Instant.parse("2026-11-29T02:00:00Z"));
        assertThat(unknown.note()).contains("no expected duration yet");
    }

    @Test
    void jitterIsTheSameEachTimeAndStaysWithinItsBound() throws Exception {
        var config = config("""
                schedules:
                  - { name: checks, run: check, every: 10m, jitter: 2m }
                """);
        var first = plan(config, Map.of(), 1);
        var again = plan(config, Map.of(), 1);
        assertThat(first).isEqualTo(again).hasSize(144);
        assertThat(first).allSatisfy(run -> assertThat(Duration.between(run.due(), run.runAt().orElseThrow()))
                .isBetween(Duration.ZERO, Duration.ofMinutes(2)));
        assertThat(first.stream().map(run -> Duration.between(run.due(), run.runAt().orElseThrow())).distinct().count()).isGreaterThan(10);
    }

    private static List<PlannedRun> plan(TendConfig config, Map<String, Duration> learned, int days) {
        return new Planner(WindowsSection.calendar(config), schedule -> Optional.ofNullable(learned.get(schedule.name())))
                .plan(SchedulesSection.of(config), MONDAY, MONDAY.plus(Duration.ofDays(days)));
    }

    private static TendConfig config(String schedules) throws Exception {
        return BuiltIn.configLoader(Map.<String, String>of()::get).parse(PLATFORM + schedules, Path.of("tend.yaml"));
    }
}
