package dev.tend.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.config.StoreSettings;
import dev.tend.store.Stores;
import dev.tend.task.TaskOutcome;
import dev.tend.task.TaskOutcomes;
import dev.tend.testing.TendCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** command: steps run as a user's runbook runs them: output kept and redacted, timeouts kill the whole tree, exit codes judged. */
class CommandStepsTest {
    private static final String SECRET = "s3cr3t-t0ken-value";

    @TempDir
    Path dir;

    private Path config(String steps) throws Exception {
        var config = dir.resolve("tend.yaml");
        Files.writeString(config, """
                platform: { name: test }
                store: { path: %s }
                targets:
                  - { name: api, type: tcp, address: "127.0.0.1:9" }
                runbooks:
                  - name: ops
                    steps:
                %s
                """.formatted(dir.resolve("tend.db"), steps.indent(6)));
        return config;
    }

    private TaskOutcome last() {
        try (var store = Stores.open(StoreSettings.sqlite(dir.resolve("tend.db")))) {
            var all = new TaskOutcomes(store).recent("platform", 10);
            return all.isEmpty() ? new TaskOutcomes(store).recent("api", 10).getFirst() : all.getFirst();
        }
    }

    @Test
    void aCommandsOutputIsKeptWithItsSecretsRedacted() throws Exception {
        var config = config("""
                - name: migrate
                  command: { argv: [sh, -c, "echo migrating; echo token=$TOKEN; echo done >&2"], env: { TOKEN: "${env:API_TOKEN}" }, impact: online }
                """);

        var run = TendCli.run(Clock.systemUTC(), config, Map.of("API_TOKEN", SECRET), "runbook", "run", "ops");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("COMPLETED").doesNotContain(SECRET);
        var outcome = last();
        assertThat(outcome.task()).isEqualTo("command");
        assertThat(outcome.result()).isEqualTo(TaskOutcome.Result.SUCCEEDED);
        assertThat(outcome.steps()).contains("> migrating", "> done").anySatisfy(step -> assertThat(step).startsWith("> token=").doesNotContain(SECRET));
        assertThat(String.join("\n", outcome.steps())).doesNotContain(SECRET);
        assertThat(outcome.reason()).startsWith("exit 0 in ");
    }

    @Test
    void aCommandPastItsTimeoutIsKilledWithTheProcessesItStarted() throws Exception {
        var pidFile = dir.resolve("child.pid");
        var config = config("""
                - name: hang
                  command: { argv: ["sleep 300 & echo $! > %s; echo started; sleep 301"], shell: true, timeout: 2s, impact: online }
                """.formatted(pidFile));

        long start = System.nanoTime();
        var run = TendCli.run(Clock.systemUTC(), config, "runbook", "run", "ops");
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED");
        var child = Long.parseLong(Files.readString(pidFile).strip());
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).as("the background child").isFalse();
        assertThat(seconds).as("it did not wait for sleep 300").isLessThan(60);
        // The shell may say "Terminated" as it goes: the reason ends with whichever line came last.
        assertThat(last().reason()).startsWith("killed at its 2s timeout, with every process it started: ");
        assertThat(last().steps()).contains("> started");
    }

    @Test
    void exitCodesAreJudgedByOkExitCodesAndTheLastLineSaysWhy() throws Exception {
        var config = config("""
                - name: accepted
                  command: { argv: [sh, -c, "exit 3"], okExitCodes: [0, 3], impact: online }
                - name: broken
                  command: { argv: [sh, -c, "echo checking; echo 'migration 0042 missing' >&2; exit 2"], impact: online }
                """);

        var run = TendCli.run(Clock.systemUTC(), config, "runbook", "run", "ops");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(last().reason()).isEqualTo("exit 2 in " + last().reason().substring(10, last().reason().indexOf(" s") + 2)
                + " (accepted: [0]): migration 0042 missing");
        assertThat(TendCli.run(Clock.systemUTC(), config, "runbook", "show", "1").out()).contains("accepted", "succeeded: exit 3");
    }

    @Test
    void aDryRunRunsNothing() throws Exception {
        var marker = dir.resolve("ran");
        var config = config("""
                - name: touch
                  command: { argv: [touch, %s] }
                """.formatted(marker));

        var run = TendCli.run(Clock.systemUTC(), config, "runbook", "run", "ops", "--dry-run");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("touch: command touch " + marker + " (disruptive, timeout 11m)");
        assertThat(marker).doesNotExist();
    }

    @Test
    void badCommandsAreConfigErrorsWithTheirPlace() throws Exception {
        var config = config("""
                - name: two-lines
                  command: { argv: ["echo a", "echo b"], shell: true }
                - name: nowhere
                  exec: { target: api, container: app, argv: [true] }
                """);

        var run = TendCli.run(Clock.systemUTC(), config, "validate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("runbooks[0].steps[0].command.argv").contains("with shell: true, argv is one line for /bin/sh -c")
                .contains("runbooks[0].steps[1].exec.target").contains("'api' is not a docker target");
    }
}
