package dev.tend.runbook;

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
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Runbooks carried out as maintenance runs on a real PostgreSQL: phases, manual sign-offs, rollback, the log entry and notice. */
@ExtendWith(PostgresExtension.class)
class RunbookTest {
    /** Sunday 29 November 2026, 02:30 UTC: inside the weekly window. */
    private static final Instant IN_WINDOW = Instant.parse("2026-11-29T02:30:00Z");
    private static final Instant OUTSIDE = Instant.parse("2026-11-30T12:00:00Z");
    @TempDir
    Path directory;
    private Path config;

    record Run(int exitCode, String out, String err) {}

    @BeforeEach
    void setUp(PostgresServer postgres) throws Exception {
        postgres.createDatabase("runbook_lab");
        postgres.execute("runbook_lab", "DROP TABLE IF EXISTS items; CREATE TABLE items (id int PRIMARY KEY); "
                + "INSERT INTO items SELECT generate_series(1, 100)");
        config = Files.writeString(directory.resolve("tend.yaml"), """
                platform: { name: Lab }
                targets:
                  - { name: db, type: postgres, url: "%s" }
                backups:
                  - { name: lab, target: db, destination: "%s", verify: { queries: ["SELECT count(*) = 100 FROM items"] } }
                windows:
                  - { name: weekly, cron: "0 2 * * SUN", duration: 2h }
                people:
                  - { name: alice, roles: [System Administrator] }
                  - { name: bob, roles: [Security Team] }
                checklists:
                  - { name: before-weekly, template: pre-maintenance, window: weekly }
                runbooks:
                  - { name: sunday, template: maintenance-window, window: weekly, backup: lab, database: db }
                  - name: with-approval
                    steps:
                      - { name: announce, notify: "starting", phase: pre }
                      - { name: approve, manual: "Confirm the stakeholders were told", role: System Administrator, phase: pre }
                      - { name: vacuum, run: pg.vacuum db }
                  - name: last-manual
                    steps:
                      - { name: vacuum, run: pg.vacuum db }
                      - { name: confirm, manual: "Confirm the application works", role: System Administrator, phase: verify }
                    rollback:
                      - { name: undo, notify: "rolled back" }
                  - name: doomed
                    window: weekly
                    steps:
                      - { name: sessions, run: pg.terminate-idle db, onFailure: rollback }
                      - { name: never, run: pg.vacuum db }
                    rollback:
                      - { name: tell, notify: "rolled back" }
                notifiers:
                  - { name: hook, type: webhook, url: "http://127.0.0.1:1/hook" }
                store: { path: "%s" }
                """.formatted(postgres.url("runbook_lab"), directory.resolve("backups"), directory.resolve("tend.db")));
    }

    @Test
    void aDryRunPrintsThePlanAndRecordsNothing() {
        var run = tend(IN_WINDOW, "runbook", "run", "sunday", "--dry-run");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Maintenance window (sunday), in window weekly",
                " 2. [pre] pre-maintenance-backup: backup.create lab (online",
                "[tasks] terminate-idle-sessions: pg.terminate-idle db (disruptive",
                "[verify] data-integrity: backup.verify lab",
                "rollback: restore-pre-maintenance-backup: MANUAL: Restore the pre-maintenance backup: tend backup restore lab --id ID");
        assertThat(tend(IN_WINDOW, "runbook", "show", "1").exitCode()).as("no run was recorded").isEqualTo(2);
    }

    @Test
    void theMaintenanceWindowRunbookGoesThroughEveryPhaseAndWritesTheLogEntryAndNotice() {
        var run = tend(IN_WINDOW, "runbook", "run", "sunday", "--as", "alice");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("run 1 of sunday: COMPLETED", "# Maintenance Log Entry", "Date: 2026-11-29 02:30 UTC",
                "Type: Maintenance window (sunday), completed", "- pre-maintenance-backup: backup ", "- data-integrity: passed: 1 table, 100 rows",
                "Next Maintenance: 2026-12-06 02:00 UTC", "MAINTENANCE COMPLETE",
                "Maintenance Window: 2026-11-29 02:30-02:30 UTC", "Services Affected: db");
        var timeline = tend(IN_WINDOW, "runbook", "show", "1").out();
        assertThat(timeline.lines().filter(line -> line.contains(" STATE ")).map(line -> line.substring(line.indexOf(" STATE ") + 7).strip()).toList())
                .containsExactly("ANNOUNCED: Maintenance window", "PRECHECKS", "IN_PROGRESS", "VERIFYING", "COMPLETED");
        assertThat(timeline).contains("alice").contains("STEP_SUCCEEDED");
    }

    @Test
    void thePreMaintenanceChecklistIsPartOfTheRunAndWhatWasNotDoneIsAnIssue() {
        assertThat(tend(Instant.parse("2026-11-28T10:00:00Z"), "checklist", "sign", "before-weekly", "announce", "--as", "alice").exitCode()).isZero();

        var run = tend(IN_WINDOW, "runbook", "run", "sunday", "--as", "alice");

        assertThat(run.out()).contains("- before-weekly/status-page: pre-maintenance item not done: Update status page with maintenance schedule")
                .doesNotContain("before-weekly/announce");
        assertThat(tend(IN_WINDOW, "runbook", "show", "1").out()).contains("pre-maintenance checklist before-weekly: 1 done, 14 not done");
    }

    @Test
    void aManualStepWaitsForTheSignOffOfSomeoneInTheRole() {
        var started = tend(OUTSIDE, "runbook", "run", "with-approval");
        assertThat(started.out()).contains("run 1 of with-approval: WAITING",
                "waiting for System Administrator: Confirm the stakeholders were told — tend runbook sign 1 approve --as PERSON");

        var wrongRole = tend(OUTSIDE, "runbook", "sign", "1", "approve", "--as", "bob");
        assertThat(wrongRole.exitCode()).isEqualTo(2);
        assertThat(wrongRole.err()).contains("bob does not hold the role System Administrator this step needs");

        var signed = tend(OUTSIDE, "runbook", "sign", "1", "approve", "--as", "alice", "--comment", "mail sent");
        assertThat(signed.exitCode()).as(signed.out() + signed.err()).isZero();
        assertThat(signed.out()).contains("run 1 of with-approval: COMPLETED", "- approve: Confirm the stakeholders were told", "- vacuum: SUCCEEDED");
        assertThat(tend(OUTSIDE, "runbook", "show", "1").out()).contains("SIGNED", "signed by alice (System Administrator): mail sent");
    }

    @Test
    void ofTwoSignaturesAtTheSameMomentOnlyTheFirstResumesTheRun() {
        assertThat(tend(OUTSIDE, "runbook", "run", "with-approval").out()).contains("run 1 of with-approval: WAITING");
        try (var store = dev.tend.store.Stores.open(dev.tend.config.StoreSettings.sqlite(directory.resolve("tend.db")))) {
            assertThat(new MaintenanceRuns(store).claim(1, MaintenanceRun.State.WAITING, 1, MaintenanceRun.State.IN_PROGRESS)).as("the first").isTrue();
            assertThat(new MaintenanceRuns(store).claim(1, MaintenanceRun.State.WAITING, 1, MaintenanceRun.State.IN_PROGRESS)).as("the second").isFalse();
        }
        var late = tend(OUTSIDE, "runbook", "sign", "1", "approve", "--as", "alice");
        assertThat(late.exitCode()).isEqualTo(2);
        assertThat(late.err()).contains("run 1 is not waiting for step 'approve'");
    }

    @Test
    void signingTheLastStepCompletesTheRunWithoutRollingBack() {
        assertThat(tend(OUTSIDE, "runbook", "run", "last-manual").out()).contains("run 1 of last-manual: WAITING");

        var signed = tend(OUTSIDE, "runbook", "sign", "1", "confirm", "--as", "alice");

        assertThat(signed.out()).contains("run 1 of last-manual: COMPLETED").doesNotContain("rolled back");
        try (var store = dev.tend.store.Stores.open(dev.tend.config.StoreSettings.sqlite(directory.resolve("tend.db")))) {
            assertThat(new MaintenanceRuns(store).claim(1, MaintenanceRun.State.WAITING, 1, MaintenanceRun.State.IN_PROGRESS))
                    .as("a second signature racing the first finds the run already resumed").isFalse();
        }
        var again = tend(OUTSIDE, "runbook", "sign", "1", "confirm", "--as", "alice");
        assertThat(again.exitCode()).as("a finished run takes no more sign-offs").isEqualTo(2);
        assertThat(again.err()).contains("run 1 is not waiting for step 'confirm'");
    }

    @Test
    void aDisruptiveStepOutsideItsWindowFailsAndTheRunRollsBack() {
        var run = tend(OUTSIDE, "runbook", "run", "doomed");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("run 1 of doomed: ROLLED_BACK", "MAINTENANCE ROLLED BACK",
                "- sessions: window weekly is not open for db: disruptive steps run only inside it", "- tell: notified: rolled back");
        assertThat(run.out()).doesNotContain("- never:");
        var incident = tend(OUTSIDE, "incident", "show", "1");
        assertThat(run.out()).as("the page was tried at once").contains("notifications: 0 delivered, 1 to retry");
        assertThat(incident.out()).contains("incident 1: maintenance doomed: run 1 rolled back: step sessions failed: window weekly is not open for db",
                "TRIGGERED, CRITICAL", "OPENED to hook: retrying (1 attempt(s) so far)");
    }

    private Run tend(Instant at, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var all = new java.util.ArrayList<>(java.util.List.of(args));
        all.addAll(java.util.List.of("-c", config.toString()));
        var environment = new HashMap<String, String>(Map.of("PATH", System.getenv("PATH")));
        int code = Main.run(new Main.Environment(Clock.fixed(at, ZoneOffset.UTC), environment::get), new PrintWriter(out), new PrintWriter(err),
                all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }
}
