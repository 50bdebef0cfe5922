package dev.tend.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.cli.Main;
import dev.tend.testing.PostgresExtension;
import dev.tend.testing.PostgresServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** tend windows, tend plan and the window check of tend run, as a user calls them. */
@ExtendWith(PostgresExtension.class)
class CalendarCliTest {
    @TempDir
    Path directory;

    record Run(int exitCode, String out, String err) {}

    @Test
    void windowsListsTheNextOpeningsAsJson() throws Exception {
        var config = write("");
        var run = tend(Clock.systemUTC(), "windows", "--from", "2026-11-22T00:00:00Z", "--next", "3", "--json", "-c", config.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo("{\"windows\":["
                + "{\"name\":\"weekly\",\"start\":\"2026-11-22T02:00:00Z\",\"end\":\"2026-11-22T04:00:00Z\",\"emergency\":false},"
                + "{\"name\":\"weekly\",\"start\":\"2026-11-29T02:00:00Z\",\"end\":\"2026-11-29T04:00:00Z\",\"emergency\":false},"
                + "{\"name\":\"monthly\",\"start\":\"2026-12-06T01:00:00Z\",\"end\":\"2026-12-06T05:00:00Z\",\"emergency\":false}]}");
        var bad = tend(Clock.systemUTC(), "windows", "--from", "next tuesday", "-c", config.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--from: 'next tuesday' is not an ISO-8601 instant");
    }

    @Test
    void planShowsWhatWaitsAndExitsOneWhenSomethingIsBlocked() throws Exception {
        var config = write("""
                schedules:
                  - { name: sessions, run: pg.terminate-idle db, cron: "0 12 * * MON", expectedDuration: 30m }
                  - { name: never, run: pg.terminate-idle db, cron: "0 12 * * MON", expectedDuration: 5h }
                """);
        var run = tend(Clock.systemUTC(), "plan", "--days", "7", "--from", "2026-11-23T00:00:00Z", "--json", "-c", config.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        var runs = JsonMapper.builder().build().readTree(run.out()).path("runs");
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).path("schedule").asString()).isEqualTo("never");
        assertThat(runs.get(0).path("outcome").asString()).isEqualTo("BLOCKED");
        assertThat(runs.get(1).path("runAt").asString()).isEqualTo("2026-11-29T02:00:00Z");
        assertThat(runs.get(1).path("outcome").asString()).isEqualTo("WAITS");
    }

    @Test
    void planWithoutSchedulesListsTheWindowsOfThePeriod() throws Exception {
        var config = write("");

        var run = tend(Clock.systemUTC(), "plan", "--days", "14", "--from", "2026-11-23T00:00:00Z", "-c", config.toString());
        var json = tend(Clock.systemUTC(), "plan", "--days", "14", "--from", "2026-11-23T00:00:00Z", "--json", "-c", config.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("nothing is scheduled: tend.yaml has no schedules:")
                .contains("maintenance windows in the next 14 days:").containsPattern("WINDOW +START \\(UTC\\) +END \\(UTC\\) +KIND")
                .containsPattern("weekly +2026-11-29T02:00:00Z +2026-11-29T04:00:00Z +scheduled")
                .containsPattern("monthly +2026-12-06T01:00:00Z +2026-12-06T05:00:00Z +scheduled")
                .doesNotContain("2026-11-22T02:00");
        var windows = JsonMapper.builder().build().readTree(json.out()).path("windows");
        assertThat(windows).hasSize(3);
        assertThat(JsonMapper.builder().build().readTree(json.out()).path("runs")).isEmpty();
    }

    @Test
    void aDisruptiveTaskRunsInsideAWindowWithoutForceAndIsRefusedOutside(PostgresServer postgres) throws Exception {
        postgres.createDatabase("calendar_lab");
        var config = Files.writeString(directory.resolve("tend.yaml"), """
                platform: { name: Lab }
                targets:
                  - { name: db, type: postgres, url: "%s" }
                windows:
                  - { name: weekly, cron: "0 2 * * SUN", duration: 2h }
                store: { path: "%s" }
                """.formatted(postgres.url("calendar_lab"), directory.resolve("tend.db")));
        var inside = Clock.fixed(Instant.parse("2026-11-29T02:30:00Z"), ZoneOffset.UTC);
        var outside = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

        var refused = tend(outside, "run", "pg.terminate-idle", "--target", "db", "--json", "-c", config.toString());
        var ran = tend(inside, "run", "pg.terminate-idle", "--target", "db", "--json", "-c", config.toString());

        assertThat(JsonMapper.builder().build().readTree(refused.out()).path("result").asString()).isEqualTo("REFUSED");
        assertThat(JsonMapper.builder().build().readTree(ran.out()).path("result").asString()).as(ran.out()).isEqualTo("SUCCEEDED");
    }

    private Path write(String schedules) throws Exception {
        return Files.writeString(directory.resolve("tend.yaml"), """
                platform: { name: Lab }
                targets:
                  - { name: db, type: postgres, url: "postgresql://tend@127.0.0.1:5432/app" }
                windows:
                  - { name: weekly,  cron: "0 2 * * SUN",   duration: 2h, timezone: UTC }
                  - { name: monthly, cron: "0 1 * * SUN#1", duration: 4h, timezone: UTC }
                %s
                store: { path: "%s" }
                """.formatted(schedules, directory.resolve("tend.db")));
    }

    private static Run tend(Clock clock, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.run(new Main.Environment(clock, Map.<String, String>of()::get), new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }
}
