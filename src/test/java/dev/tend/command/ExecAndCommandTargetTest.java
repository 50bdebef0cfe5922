package dev.tend.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.config.StoreSettings;
import dev.tend.store.Stores;
import dev.tend.task.TaskOutcome;
import dev.tend.task.TaskOutcomes;
import dev.tend.testing.DockerEngine;
import dev.tend.testing.DockerExtension;
import dev.tend.testing.TendCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** exec: through the suite's Docker engine (output, exit code, timeout, a missing container), and the command target's check. */
@ExtendWith(DockerExtension.class)
class ExecAndCommandTargetTest {
    @TempDir
    Path dir;

    private Path config(DockerEngine docker, String container, String exec) throws Exception {
        return Files.writeString(dir.resolve("tend.yaml"), """
                platform: { name: test }
                store: { path: %s }
                targets:
                  - { name: docker, type: docker, socket: "%s" }
                runbooks:
                  - name: ops
                    steps:
                      - { name: in-app, exec: { target: docker, container: %s, impact: online, %s } }
                """.formatted(dir.resolve("tend.db"), docker.socket(), container, exec));
    }

    private TaskOutcome last() {
        try (var store = Stores.open(StoreSettings.sqlite(dir.resolve("tend.db")))) {
            return new TaskOutcomes(store).recent("docker", 1).getFirst();
        }
    }

    @Test
    void execRunsInTheContainerAndKeepsItsOutputAndExitCode(DockerEngine docker) throws Exception {
        docker.runContainer("tend-exec-app");
        var config = config(docker, "tend-exec-app", "argv: [sh, -c, \"echo checked in $(hostname) as $WHO; echo 'pending: 0042' >&2; exit 4\"], "
                + "env: { WHO: migrations }, okExitCodes: [0]");

        var run = TendCli.run(Clock.systemUTC(), config, "runbook", "run", "ops");

        assertThat(run.exitCode()).isEqualTo(1);
        var outcome = last();
        assertThat(outcome.task()).isEqualTo("exec");
        assertThat(outcome.object()).isEqualTo("tend-exec-app");
        assertThat(outcome.steps()).anySatisfy(step -> assertThat(step).startsWith("> checked in ").endsWith(" as migrations")).contains("> pending: 0042");
        assertThat(outcome.reason()).startsWith("exit 4 in ").contains("(accepted: [0]): "); // its last line: stdout and stderr may interleave either way
    }

    @Test
    void anExecPastItsTimeoutIsStopped(DockerEngine docker) throws Exception {
        docker.runContainer("tend-exec-slow");
        var config = config(docker, "tend-exec-slow", "argv: [sh, -c, \"echo begun; sleep 120\"], timeout: 2s");

        var run = TendCli.run(Clock.systemUTC(), config, "runbook", "run", "ops");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(last().reason()).startsWith("killed at its 2s timeout").contains("begun");
        assertThat(docker.docker("top", "tend-exec-slow")).doesNotContain("sleep 120");
    }

    @Test
    void anExecIntoAMissingContainerIsRefusedAndRunsNothing(DockerEngine docker) throws Exception {
        var config = config(docker, "tend-no-such", "argv: [\"true\"]");

        var run = TendCli.run(Clock.systemUTC(), config, "runbook", "run", "ops");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(last().result()).isEqualTo(TaskOutcome.Result.REFUSED);
        assertThat(last().reason()).isEqualTo("no container named 'tend-no-such' on docker; nothing ran");
    }

    @Test
    void aCommandTargetIsCheckedByItsExitCodeAndOutput() throws Exception {
        var config = Files.writeString(dir.resolve("tend.yaml"), """
                platform: { name: test }
                store: { path: %s }
                targets:
                  - { name: healthy, type: command, argv: [sh, -c, "echo all services OK"], outputContains: "OK" }
                  - { name: degraded, type: command, argv: [sh, -c, "echo redis slow; exit 1"], warnExitCodes: [1] }
                  - { name: lying, type: command, argv: [sh, -c, "echo ERROR db down; echo OK"], outputNotContains: ERROR }
                  - { name: down, type: command, argv: [sh, -c, "exit 2"] }
                """.formatted(dir.resolve("tend.db")));

        var run = TendCli.run(Clock.systemUTC(), config, Map.of(), "check", "--json");

        var results = run.json();
        assertThat(run.exitCode()).isEqualTo(1);
        var byTarget = new java.util.HashMap<String, String>();
        for (var result : results.path("results")) byTarget.put(result.path("target").asString(), result.path("status").asString() + " " + result.path("reason").asString());
        assertThat(byTarget.get("healthy")).startsWith("OK sh -c 'echo all services OK' exit 0 in ").endsWith(": all services OK");
        assertThat(byTarget.get("degraded")).isEqualTo("WARN sh -c 'echo redis slow; exit 1' exited 1: redis slow");
        assertThat(byTarget.get("lying")).startsWith("CRIT").contains("output contains \"ERROR\": ERROR db down");
        assertThat(byTarget.get("down")).isEqualTo("CRIT sh -c 'exit 2' exited 2");
    }
}
