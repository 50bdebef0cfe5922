package dev.tend.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.alert.Alert;
import dev.tend.alert.AlertService;
import dev.tend.alert.Incident;
import dev.tend.alert.Severity;
import dev.tend.check.ResultHistory;
import dev.tend.config.StoreSettings;
import dev.tend.config.TendConfig;
import dev.tend.action.ActionContext;
import dev.tend.registry.BuiltIn;
import dev.tend.store.Database;
import dev.tend.store.Stores;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Missed runs after downtime, late disruptive starts and interruptions, with a clock the test sets. */
class ScheduleRunnerTest {
    private static final Instant DUE = Instant.parse("2026-11-23T01:00:00Z");
    @TempDir
    Path directory;
    private ServerSocket listening;
    private Database store;

    @BeforeEach
    void setUp() throws Exception {
        listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")));
    }

    @AfterEach
    void tearDown() throws Exception {
        store.close();
        listening.close();
    }

    @Test
    void afterDowntimeCatchUpOnceRunsOnceAndSaysWhatWasMissed() throws Exception {
        var config = config("catchUp: once");
        var fiveHoursLate = DUE.plus(Duration.ofHours(5)).plusSeconds(30);

        var next = runner(config, fiveHoursLate).run(SchedulesSection.of(config).get(0), DUE, DUE);

        var runs = new ScheduleRuns(store).recent("hourly", 10);
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).status()).isEqualTo(ScheduleRun.Status.SUCCEEDED);
        assertThat(runs.get(0).detail()).startsWith("Tend was not running at 2026-11-23T01:00:00Z (5h 0m ago; 5 occurrence(s) missed); "
                + "run once now (catchUp: once). 1 checks: 1 OK");
        assertThat(new ResultHistory(store).latest()).as("the check did run").hasSize(1);
        assertThat(next.orElseThrow().due()).as("the backlog is not replayed").isEqualTo(Instant.parse("2026-11-23T07:00:00Z"));
    }

    @Test
    void afterDowntimeCatchUpSkipRecordsTheMissAndRunsNothing() throws Exception {
        var config = config("catchUp: skip");
        var next = runner(config, DUE.plus(Duration.ofHours(5)).plusSeconds(30)).run(SchedulesSection.of(config).get(0), DUE, DUE);

        var runs = new ScheduleRuns(store).recent("hourly", 10);
        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.status()).isEqualTo(ScheduleRun.Status.MISSED);
            assertThat(run.detail()).endsWith("5 occurrence(s) missed); skipped (catchUp: skip)");
        });
        assertThat(new ResultHistory(store).latest()).as("nothing ran").isEmpty();
        assertThat(next.orElseThrow().due()).isEqualTo(Instant.parse("2026-11-23T07:00:00Z"));
        assertThat(alerts(config)).singleElement().satisfies(alert -> {
            assertThat(alert.fingerprint()).isEqualTo("schedule:hourly/run");
            assertThat(alert.severity()).isEqualTo(Severity.WARNING);
            assertThat(alert.reason()).startsWith("missed its run due 2026-11-23T01:00:00Z: Tend was not running");
        });
    }

    @Test
    void aFailedRunFiresTheSchedulesAlertAndTheNextCleanRunResolvesIt() throws Exception {
        var failing = BuiltIn.configLoader(Map.<String, String>of()::get).parse("""
                platform: { name: Lab }
                targets:
                  - { name: db, type: postgres, url: "postgresql://tend@127.0.0.1:1/app" }
                schedules:
                  - { name: hourly, run: backup.create nowhere, cron: "0 * * * *" }
                backups:
                  - { name: nowhere, target: db, destination: "%s" }
                """.formatted(directory.resolve("backups")), Path.of("tend.yaml"));
        runner(failing, DUE.plusSeconds(5)).run(SchedulesSection.of(failing).get(0), DUE, DUE);

        assertThat(new ScheduleRuns(store).recent("hourly", 1).get(0).status()).isEqualTo(ScheduleRun.Status.FAILED);
        assertThat(alerts(failing)).singleElement().satisfies(alert -> {
            assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(alert.reason()).startsWith("failed: ");
        });

        var working = config("catchUp: skip");
        var hourLater = DUE.plus(Duration.ofHours(1));
        runner(working, hourLater.plusSeconds(5)).run(SchedulesSection.of(working).get(0), hourLater, hourLater);

        assertThat(alerts(working)).isEmpty();
        assertThat(new AlertService(working, store, Clock.systemUTC()).incidents(true)).singleElement()
                .satisfies(incident -> assertThat(incident.state()).isEqualTo(Incident.State.RESOLVED));
    }

    @Test
    void aCheckRoundThatFindsAProblemPagesAsTheCheckNotAsAFailedSchedule() throws Exception {
        int closed;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        var config = BuiltIn.configLoader(Map.<String, String>of()::get).parse("""
                platform: { name: Lab }
                alerting: { fireAfter: 1 }
                targets:
                  - { name: port, type: tcp, address: "127.0.0.1:%d", timeout: 1s }
                schedules:
                  - { name: hourly, run: check port, cron: "0 * * * *" }
                """.formatted(closed), Path.of("tend.yaml"));

        runner(config, DUE.plusSeconds(5)).run(SchedulesSection.of(config).get(0), DUE, DUE);

        var run = new ScheduleRuns(store).recent("hourly", 1).get(0);
        assertThat(run.status()).as("a round with a problem is not a checklist's evidence").isEqualTo(ScheduleRun.Status.FAILED);
        assertThat(run.detail()).startsWith("1 checks: 0 OK, 1 not OK");
        assertThat(alerts(config)).as("one alert for one problem: the check's").singleElement()
                .satisfies(alert -> assertThat(alert.fingerprint()).startsWith("check:port/"));
    }

    @Test
    void aLittleLateIsNotMissed() throws Exception {
        var config = config("catchUp: skip");
        runner(config, DUE.plusSeconds(20)).run(SchedulesSection.of(config).get(0), DUE, DUE);
        assertThat(new ScheduleRuns(store).recent("hourly", 10).get(0).status()).isEqualTo(ScheduleRun.Status.SUCCEEDED);
    }

    @Test
    void occurrencesDueWhileTheRunWasStillGoingAreRecordedAsSkipped() throws Exception {
        var config = BuiltIn.configLoader(Map.<String, String>of()::get).parse("""
                platform: { name: Lab }
                targets:
                  - { name: port, type: tcp, address: "127.0.0.1:%d" }
                schedules:
                  - { name: pulse, run: check port, every: 1s }
                """.formatted(listening.getLocalPort()), Path.of("tend.yaml"));
        var slow = new Clock() { // the run takes 3.5 s: the first reading is its start, every later one its end
            private int readings;

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return readings++ == 0 ? DUE : DUE.plusMillis(3500);
            }
        };
        var lines = new ArrayList<String>();
        var runner = new ScheduleRunner(new Planner(WindowsSection.calendar(config), LearnedDurations.from(store)), store, slow, "host-b-2",
                new ActionContext(config, store, slow, Map.<String, String>of()::get, WindowsSection.calendar(config)), lines::add);

        var next = runner.run(SchedulesSection.of(config).get(0), DUE, DUE);

        var runs = new ScheduleRuns(store).recent("pulse", 10);
        assertThat(runs).extracting(ScheduleRun::status).containsExactlyInAnyOrder(ScheduleRun.Status.SUCCEEDED,
                ScheduleRun.Status.SKIPPED, ScheduleRun.Status.SKIPPED, ScheduleRun.Status.SKIPPED);
        assertThat(runs.stream().filter(run -> run.status() == ScheduleRun.Status.SKIPPED).map(ScheduleRun::dueAt).toList())
                .containsExactlyInAnyOrder(DUE.plusSeconds(1), DUE.plusSeconds(2), DUE.plusSeconds(3));
        assertThat(runs.get(0).detail()).isEqualTo("not started: the run due " + DUE + " was still going");
        assertThat(next.orElseThrow().due()).isEqualTo(DUE.plusSeconds(4));
    }

    @Test
    void occurrencesDueWhileADisruptiveRunWaitedForItsWindowAreRecordedAsFoldedIntoIt() throws Exception {
        var config = BuiltIn.configLoader(Map.<String, String>of()::get).parse("""
                platform: { name: Lab }
                targets:
                  - { name: db, type: postgres, url: "postgresql://tend@127.0.0.1:1/app", timeout: 1s }
                windows:
                  - { name: weekly, cron: "0 2 * * SUN", duration: 2h }
                schedules:
                  - { name: sessions, run: pg.terminate-idle db, cron: "0 12 * * *", expectedDuration: 10m }
                """, Path.of("tend.yaml"));
        var monday = Instant.parse("2026-11-23T12:00:00Z");
        var sunday = Instant.parse("2026-11-29T02:00:00Z");

        runner(config, sunday).run(SchedulesSection.of(config).get(0), monday, sunday);

        var skipped = new ScheduleRuns(store).recent("sessions", 20).stream().filter(run -> run.status() == ScheduleRun.Status.SKIPPED).toList();
        assertThat(skipped).extracting(ScheduleRun::dueAt).containsExactlyInAnyOrder(
                Instant.parse("2026-11-24T12:00:00Z"), Instant.parse("2026-11-25T12:00:00Z"), Instant.parse("2026-11-26T12:00:00Z"),
                Instant.parse("2026-11-27T12:00:00Z"), Instant.parse("2026-11-28T12:00:00Z"));
        assertThat(skipped.get(0).detail()).isEqualTo("folded into the run due " + monday + ", which waited for a window");
    }

    @Test
    void anInterruptedRunIsMarkedThenRerunOrSkippedPerPolicy() throws Exception {
        for (var policy : new String[] {"rerun", "skip"}) {
            var config = config("interrupted: " + policy);
            var schedule = SchedulesSection.of(config).get(0);
            var started = DUE.plusSeconds(1);
            var id = new ScheduleRuns(store).save(new ScheduleRun(0, "hourly", "check port", DUE, DUE, started, java.util.Optional.empty(),
                    ScheduleRun.Status.RUNNING, "host-a-1", ""));
            var now = DUE.plusSeconds(40);

            var next = runner(config, now).interrupted(schedule, DUE, "host-a-1", started);

            var run = new ScheduleRuns(store).recent("hourly", 50).stream().filter(candidate -> candidate.id() == id).findFirst().orElseThrow();
            assertThat(run.status()).isEqualTo(ScheduleRun.Status.INTERRUPTED);
            assertThat(run.detail()).startsWith("interrupted: instance host-a-1 stopped (last heartbeat " + started + ")");
            if (policy.equals("rerun")) {
                assertThat(next.orElseThrow().due()).isEqualTo(DUE);
                assertThat(next.orElseThrow().runAt()).contains(now);
            } else {
                assertThat(next.orElseThrow().due()).isEqualTo(Instant.parse("2026-11-23T02:00:00Z"));
            }
        }
    }

    @Test
    void aDisruptiveRunWhoseWindowClosedWaitsForTheNextOne() throws Exception {
        var config = BuiltIn.configLoader(Map.<String, String>of()::get).parse("""
                platform: { name: Lab }
                targets:
                  - { name: db, type: postgres, url: "postgresql://tend@127.0.0.1:1/app" }
                windows:
                  - { name: nightly, cron: "0 1 * * *", duration: 1h }
                schedules:
                  - { name: sessions, run: pg.terminate-idle db, window: nightly, expectedDuration: 30m }
                """, Path.of("tend.yaml"));
        var lateInTheWindow = DUE.plus(Duration.ofMinutes(45)); // 15 min left, 30 min needed

        var next = runner(config, lateInTheWindow).run(SchedulesSection.of(config).get(0), DUE, DUE);

        var run = new ScheduleRuns(store).recent("sessions", 10).get(0);
        assertThat(run.status()).isEqualTo(ScheduleRun.Status.SKIPPED);
        assertThat(run.detail()).contains("no window open with 30m left now", "passes over nightly at 2026-11-23T01:00:00Z (15m left, 30m expected)");
        assertThat(next.orElseThrow().runAt()).contains(Instant.parse("2026-11-24T01:00:00Z"));
        assertThat(next.orElseThrow().due()).as("it keeps its due time").isEqualTo(DUE);
        assertThat(alerts(config)).singleElement().satisfies(alert -> assertThat(alert.reason())
                .startsWith("refused to start its run due 2026-11-23T01:00:00Z (disruptive, and no window open with 30m left)"));
    }

    private java.util.List<Alert> alerts(TendConfig config) {
        return new AlertService(config, store, Clock.systemUTC()).alerts(false);
    }

    private ScheduleRunner runner(TendConfig config, Instant now) {
        var clock = Clock.fixed(now, ZoneOffset.UTC);
        var lines = new ArrayList<String>();
        return new ScheduleRunner(new Planner(WindowsSection.calendar(config), LearnedDurations.from(store)), store, clock, "host-b-2",
                new ActionContext(config, store, clock, Map.<String, String>of()::get, WindowsSection.calendar(config)), lines::add);
    }

    private TendConfig config(String policy) throws Exception {
        return BuiltIn.configLoader(Map.<String, String>of()::get).parse("""
                platform: { name: Lab }
                targets:
                  - { name: port, type: tcp, address: "127.0.0.1:%d" }
                schedules:
                  - { name: hourly, run: check port, cron: "0 * * * *", %s }
                """.formatted(listening.getLocalPort(), policy), Path.of("tend.yaml"));
    }
}
