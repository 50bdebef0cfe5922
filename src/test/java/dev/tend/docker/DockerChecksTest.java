package dev.tend.docker;

import static dev.tend.check.RunChecks.measurement;
import static dev.tend.check.RunChecks.named;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.check.CheckResult;
import dev.tend.check.RunChecks;
import dev.tend.check.Status;
import dev.tend.testing.DockerEngine;
import dev.tend.testing.DockerExtension;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DockerExtension.class)
class DockerChecksTest {
    private static DockerEngine docker;

    @BeforeAll
    static void containers(DockerEngine engine) {
        docker = engine;
        docker.runContainer("tend-healthy", "--health-cmd", "true", "--health-interval", "1s");
        docker.runContainer("tend-unhealthy", "--health-cmd", "echo database unreachable; false", "--health-interval", "1s",
                "--health-retries", "1");
        docker.runContainer("tend-plain");
        docker.runContainer("tend-bounded", "--log-opt", "max-size=10m", "--log-opt", "max-file=3");
        docker.docker("create", "--network", "none", "--name", "tend-created", docker.image(), "sleep", "3600");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                health("tend-healthy").equals("healthy") && health("tend-unhealthy").equals("unhealthy"));
    }

    @Test
    void eachContainerIsJudgedByItsStateAndHealth() throws Exception {
        var results = run(docker.socket().toString(), "[tend-healthy, tend-unhealthy, tend-plain, tend-created, tend-missing]");

        assertThat(results).extracting(CheckResult::check).containsExactly("engine", "log-limits", "disk-usage", "container:tend-healthy",
                "container:tend-unhealthy", "container:tend-plain", "container:tend-created", "container:tend-missing",
                "resources:tend-healthy", "resources:tend-unhealthy", "resources:tend-plain", "resources:tend-created", "resources:tend-missing");
        var engine = named(results, "engine");
        assertThat(engine.status()).isEqualTo(Status.OK);
        assertThat(engine.reason()).startsWith("Docker ").contains(" running");
        var limits = named(results, "log-limits");
        assertThat(limits.status()).isEqualTo(Status.WARN);
        assertThat(limits.reason()).contains("running containers write json-file logs without max-size: ", "tend-healthy", "tend-plain",
                "then recreate them: it applies to new containers only").doesNotContain("tend-bounded");
        var disk = named(results, "disk-usage");
        assertThat(disk.status()).isEqualTo(Status.OK);
        assertThat(disk.reason()).startsWith("images ").contains(", containers ", ", volumes ", ", build cache ", "; reclaimable ");
        assertThat(disk.measurements()).anySatisfy(measurement -> {
            assertThat(measurement.name()).isEqualTo("images");
            assertThat(measurement.value()).as("the busybox image").isGreaterThan(0);
        });
        assertThat(named(results, "container:tend-healthy").status()).isEqualTo(Status.OK);
        assertThat(named(results, "container:tend-healthy").reason()).startsWith("tend-healthy running for ").endsWith(", healthy");
        var unhealthy = named(results, "container:tend-unhealthy");
        assertThat(unhealthy.status()).isEqualTo(Status.CRIT);
        assertThat(unhealthy.reason()).contains("but unhealthy").endsWith("database unreachable");
        assertThat(named(results, "container:tend-plain").status()).isEqualTo(Status.OK);
        assertThat(named(results, "container:tend-plain").reason()).endsWith("(no health check defined)");
        assertThat(named(results, "container:tend-created").status()).isEqualTo(Status.CRIT);
        assertThat(named(results, "container:tend-created").reason()).isEqualTo("tend-created is created");
        assertThat(named(results, "container:tend-missing").reason()).isEqualTo("no container named tend-missing");
    }

    @Test
    void eachContainersResourceUseIsMeasuredAgainstItsLimitAndAnOomKillIsCritical() throws Exception {
        docker.runContainer("tend-limited", "--memory", "64m");
        docker.docker("run", "-d", "--network", "none", "--name", "tend-oom", "--memory", "16m", "--memory-swap", "16m", docker.image(),
                "sh", "-c", "x=a; while true; do x=$x$x; done");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> docker.docker("inspect", "--format", "{{.State.OOMKilled}}", "tend-oom").equals("true"));
        var results = run(docker.socket().toString(), "[tend-limited, tend-plain, tend-oom]");

        var limited = named(results, "resources:tend-limited");
        assertThat(limited.status()).isEqualTo(Status.OK);
        assertThat(limited.reason()).matches("tend-limited: CPU \\d+(\\.\\d)?%, memory .* of its 67\\.1 MB limit \\(.*%\\)");
        assertThat(measurement(limited, "memory_limit")).isEqualTo(64.0 * 1024 * 1024);
        assertThat(named(results, "resources:tend-plain").reason()).endsWith("(no memory limit set)");
        var oom = named(results, "resources:tend-oom");
        assertThat(oom.status()).isEqualTo(Status.CRIT);
        assertThat(oom.reason()).startsWith("tend-oom was killed for lack of memory (OOM)");
    }

    @Test
    void whatAPruneCouldFreeHasLevels() throws Exception {
        var results = RunChecks.run("platform: { name: Test }\ntargets:\n  - { name: docker, type: docker, socket: \"" + docker.socket()
                + "\", reclaimable: { warn: 0B, crit: 100GB } }\n");
        var disk = named(results, "disk-usage");
        assertThat(disk.status()).isEqualTo(Status.WARN);
        assertThat(disk.reason()).endsWith("; WARN at 0 B: docker.prune frees all but the volumes");
    }

    @Test
    void aStoppedContainerReportsItsExitCode() throws Exception {
        docker.docker("run", "-d", "--network", "none", "--name", "tend-crashing", docker.image(), "sh", "-c", "exit 3");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                docker.docker("inspect", "-f", "{{.State.Status}}", "tend-crashing").strip().equals("exited"));

        var result = named(run(docker.socket().toString(), "[tend-crashing]"), "container:tend-crashing");

        assertThat(result.status()).isEqualTo(Status.CRIT);
        assertThat(result.reason()).startsWith("tend-crashing is exited with code 3");
    }

    @Test
    void aMissingEngineIsCritical() throws Exception {
        var results = run("/tmp/no-such-docker.sock", "[tend-healthy]");

        assertThat(named(results, "engine").reason()).isEqualTo("no Docker socket at /tmp/no-such-docker.sock; is dockerd running?");
        assertThat(results).allSatisfy(result -> assertThat(result.status()).isEqualTo(Status.CRIT));
    }

    @Test
    void aSocketPathThatIsAFileSaysSoRatherThanConnectionRefused() throws Exception {
        var file = java.nio.file.Files.createTempFile("tend-not-a-socket", ".sock");
        try {
            var results = run(file.toString(), "[tend-healthy]");

            assertThat(named(results, "engine").reason()).isEqualTo(file + " is a regular file, not a socket; "
                    + "set socket: to the path dockerd listens on");
            assertThat(named(results, "container:tend-healthy").reason()).startsWith("cannot ask about tend-healthy: " + file + " is a regular file");
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    private static String health(String container) {
        return docker.docker("inspect", "-f", "{{.State.Health.Status}}", container).strip();
    }

    private static List<CheckResult> run(String socket, String containers) throws Exception {
        return RunChecks.run("platform: { name: Test }\ntargets:\n  - { name: docker, type: docker, socket: \"" + socket
                + "\", containers: " + containers + " }\n");
    }
}
