package dev.tend.operations.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.testing.DockerEngine;
import dev.tend.testing.DockerExtension;
import dev.tend.testing.TendCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker.restart, update, rollback and commit on the suite's engine, with images made here: app:1
 * and app:3 pass the health check (they have /ok), app:2 fails it.
 */
@ExtendWith(DockerExtension.class)
class ContainerOperationsTest {
    private static final String APP = "tend-ops-app";
    @TempDir
    Path dir;
    private Path config;
    private DockerEngine docker;

    @BeforeAll
    static void images(DockerEngine docker) {
        image(docker, "1", "echo v1 > /version; touch /ok");
        image(docker, "2", "echo v2 > /version");
        image(docker, "3", "echo v3 > /version; touch /ok");
    }

    private static void image(DockerEngine docker, String version, String script) {
        docker.docker("rm", "-f", "tend-ops-build");
        docker.docker("run", "--network", "none", "--name", "tend-ops-build", docker.image(), "sh", "-c", script);
        docker.docker("commit", "tend-ops-build", "local/ops-app:" + version);
        docker.docker("rm", "-f", "tend-ops-build");
    }

    @BeforeEach
    void app(DockerEngine docker) throws Exception {
        this.docker = docker;
        docker.docker("rm", "-f", APP, APP + "-tend-previous");
        docker.docker("run", "-d", "--network", "none", "--name", APP, "--label", "tier=api", "-e", "MODE=prod", "--health-cmd", "test -f /ok",
                "--health-interval", "1s", "--health-retries", "1", "--health-timeout", "2s", "local/ops-app:1", "sleep", "3600");
        config = Files.writeString(dir.resolve("tend.yaml"), """
                platform: { name: test, timezone: UTC }
                store: { path: %s }
                targets:
                  - { name: docker, type: docker, socket: "%s", containers: [%s] }
                  - { name: api, type: tcp, address: "127.0.0.1:%d", timeout: 1s }
                """.formatted(dir.resolve("tend.db"), docker.socket(), APP, dev.tend.testing.FreePorts.next()));
    }

    /** sleep as a container's first process ignores TERM: every stop would wait out its grace, so the tests give 1 s. */
    private TendCli.Run tend(String... args) {
        var all = new java.util.ArrayList<>(java.util.List.of(args));
        if (!args[1].equals("docker.commit")) all.addAll(java.util.List.of("--stop-timeout", "1s"));
        return TendCli.run(Clock.systemUTC(), config, all.toArray(String[]::new));
    }

    private String inspect(String format) {
        return docker.docker("inspect", "--format", format, APP);
    }

    @Test
    void aRestartIsGracefulRefusedOutsideAWindowAndDoneWhenHealthy() {
        var startedBefore = inspect("{{.State.StartedAt}}");

        var refused = tend("run", "docker.restart", "docker", APP);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).contains("REFUSED").contains("disruptive and no maintenance window is open for docker");
        var planned = tend("run", "docker.restart", "docker", "--dry-run");
        assertThat(planned.out()).contains("PLANNED").contains("wait until healthy");

        var restarted = tend("run", "docker.restart", "docker", APP, "--force");

        assertThat(restarted.exitCode()).as(restarted.out() + restarted.err()).isZero();
        assertThat(restarted.out()).contains("SUCCEEDED — restarted " + APP + ": healthy");
        assertThat(inspect("{{.State.StartedAt}}")).isNotEqualTo(startedBefore);
        assertThat(inspect("{{.State.Health.Status}}")).isEqualTo("healthy");
    }

    @Test
    void anUpdateWhoseHealthCheckFailsRollsBackToTheOldContainer() {
        var oldId = inspect("{{.Id}}");

        var run = tend("run", "docker.update", "docker", APP, "--image", "local/ops-app:2", "--timeout", "60s", "--force");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED — update of " + APP + " to local/ops-app:2 failed (unhealthy: exit 1")
                .contains("rolled back: the old container is back and healthy");
        assertThat(inspect("{{.Id}}")).isEqualTo(oldId);
        assertThat(inspect("{{.Config.Image}}")).isEqualTo("local/ops-app:1");
        assertThat(inspect("{{.State.Health.Status}}")).isEqualTo("healthy");
        assertThat(docker.docker("ps", "-a", "--format", "{{.Names}}")).doesNotContain(APP + "-tend-previous");
        assertThat(docker.docker("images", "--format", "{{.Repository}}:{{.Tag}}")).contains(APP + ":backup-" + today());
    }

    @Test
    void anUpdateWhoseTargetChecksFailAfterItIsHealthyRollsBackToo() {
        var oldId = inspect("{{.Id}}");
        var planned = tend("run", "docker.update", "docker", APP, "--image", "local/ops-app:3", "--verify", "api", "--dry-run");
        assertThat(planned.out()).contains("PLANNED").contains("and api pass their checks");
        assertThat(inspect("{{.Id}}")).isEqualTo(oldId);

        var run = tend("run", "docker.update", "docker", APP, "--image", "local/ops-app:3", "--verify", "api", "--force");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("failed (its own checks failed: api/connect CRIT").contains("rolled back: the old container is back and healthy");
        assertThat(inspect("{{.Id}}")).isEqualTo(oldId);
        assertThat(inspect("{{.Config.Image}}")).isEqualTo("local/ops-app:1");
    }

    @Test
    void anUpdateKeepsTheConfigurationAndARollbackGoesBackToTheBackupImage() {
        var updated = tend("run", "docker.update", "docker", APP, "--image", "local/ops-app:3", "--force");

        assertThat(updated.exitCode()).as(updated.out() + updated.err()).isZero();
        assertThat(updated.out()).contains("updated " + APP + " on local/ops-app:3").contains("the previous image is " + APP + ":backup-" + today());
        assertThat(docker.docker("exec", APP, "cat", "/version")).isEqualTo("v3");
        assertThat(inspect("{{.Config.Labels.tier}} {{index .Config.Env 0}} {{.HostConfig.NetworkMode}}")).isEqualTo("api MODE=prod none");

        var rolledBack = tend("run", "docker.rollback", "docker", APP, "--force");

        assertThat(rolledBack.exitCode()).as(rolledBack.out() + rolledBack.err()).isZero();
        assertThat(rolledBack.out()).contains("rolled " + APP + " back to " + APP + ":backup-" + today());
        assertThat(docker.docker("exec", APP, "cat", "/version")).isEqualTo("v1");
        assertThat(inspect("{{.State.Health.Status}}")).isEqualTo("healthy");
    }

    @Test
    void aCommitKeepsTheRunningContainerAsAnImageAndAMissingContainerIsRefused() {
        var committed = tend("run", "docker.commit", "docker", APP, "--tag", "before-upgrade");
        assertThat(committed.exitCode()).as(committed.out() + committed.err()).isZero();
        assertThat(docker.docker("images", "--format", "{{.Repository}}:{{.Tag}}")).contains(APP + ":before-upgrade");

        var missing = tend("run", "docker.restart", "docker", "tend-ops-nothing", "--force");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.out()).contains("REFUSED — no container named 'tend-ops-nothing' on docker; nothing done");
    }

    private static String today() {
        return LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);
    }
}
