package dev.tend.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.testing.DockerEngine;
import dev.tend.testing.DockerExtension;
import dev.tend.testing.TendCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** docker.prune as a runbook step on the suite's real engine: only inside the window, only what the label picks, volumes only when approved. */
@ExtendWith(DockerExtension.class)
class DockerPruneTest {
    private static final Instant SUNDAY = Instant.parse("2026-12-06T02:30:00Z");
    private static final Instant MONDAY = Instant.parse("2026-12-07T10:00:00Z");
    @TempDir
    Path directory;

    @Test
    void aPruneRunsOnlyInsideItsWindowAndTakesOnlyWhatItsLabelPicks(DockerEngine docker) throws Exception {
        docker.docker("create", "--network", "none", "--label", "tend-test=prune", "--name", "tend-prunable", docker.image(), "true");
        docker.docker("create", "--network", "none", "--name", "tend-keep-me", docker.image(), "true");
        var config = Files.writeString(directory.resolve("tend.yaml"), """
                platform: { name: Lab }
                targets:
                  - { name: docker, type: docker, socket: "%s" }
                windows:
                  - { name: weekly, cron: "0 2 * * SUN", duration: 2h, timezone: UTC, targets: [docker] }
                people:
                  - { name: admin, roles: [System Administrator] }
                runbooks:
                  - name: prune
                    window: weekly
                    steps:
                      - { name: prune, run: "docker.prune docker --label tend-test=prune" }
                store: { path: "%s" }
                """.formatted(docker.socket(), directory.resolve("tend.db")));

        var outside = TendCli.run(Clock.fixed(MONDAY, ZoneOffset.UTC), config, "runbook", "run", "prune", "--as", "admin");
        assertThat(outside.out() + outside.err()).contains("window weekly is not open for docker: disruptive steps run only inside it");
        assertThat(docker.docker("ps", "-a", "--format", "{{.Names}}")).contains("tend-prunable");

        var inside = TendCli.run(Clock.fixed(SUNDAY, ZoneOffset.UTC), config, "runbook", "run", "prune", "--as", "admin");
        assertThat(inside.out()).as(inside.err()).contains("pruned 1 stopped containers");
        var left = docker.docker("ps", "-a", "--format", "{{.Names}}");
        assertThat(left).doesNotContain("tend-prunable").contains("tend-keep-me");

        Files.writeString(config, Files.readString(config).replace("--label tend-test=prune", "--volumes"));
        var unapproved = TendCli.run(Clock.systemUTC(), config, "validate");
        assertThat(unapproved.exitCode()).isEqualTo(2);
        assertThat(unapproved.err()).contains("docker.prune: --volumes removes unused volumes and their data; add --approve to mean it");
    }
}
