package dev.tend.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.testing.DockerEngine;
import dev.tend.testing.DockerExtension;
import dev.tend.testing.TendCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * security.scan on the suite's engine. Trivy cannot be installed here (no Debian package, no
 * network), so a fake trivy at the true edge prints a report in Trivy's own JSON format.
 */
@ExtendWith(DockerExtension.class)
class SecurityScanTest {
    @TempDir
    Path dir;

    private Path config(DockerEngine docker) throws Exception {
        return Files.writeString(dir.resolve("tend.yaml"), """
                platform: { name: test }
                store: { path: %s }
                targets:
                  - { name: docker, type: docker, socket: "%s" }
                """.formatted(dir.resolve("tend.db"), docker.socket()));
    }

    @Test
    void withoutTrivyNoScanIsClaimed(DockerEngine docker) throws Exception {
        var run = TendCli.run(Clock.systemUTC(), config(docker), Map.of("PATH", dir.toString()), "run", "security.scan", "docker");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("REFUSED — Trivy is not installed on this machine (not on the PATH), so no scan ran");
    }

    @Test
    void findingsAreCountedBySeverityWithTheirFixesAndCriticalOnesFailTheScan(DockerEngine docker) throws Exception {
        docker.runContainer("tend-scan-app");
        var bin = Files.createDirectories(dir.resolve("bin"));
        var report = Path.of("src/test/resources/trivy/image-report.json").toAbsolutePath();
        // The suite's other tests run containers of other images: only busybox has the findings, the rest none.
        var trivy = Files.writeString(bin.resolve("trivy"), "#!/bin/sh\n[ \"$1\" = image ] && [ \"$2\" = --format ] || exit 64\n"
                + "[ \"$5\" = " + docker.image() + " ] && exec cat " + report + "\necho '{\"SchemaVersion\": 2, \"Results\": []}'\n");
        Files.setPosixFilePermissions(trivy, PosixFilePermissions.fromString("rwxr-xr-x"));
        var path = Map.of("PATH", bin + ":/usr/bin:/bin");

        var run = TendCli.run(Clock.systemUTC(), config(docker), path, "run", "security.scan", "docker", "--json");

        assertThat(run.exitCode()).isEqualTo(1);
        var json = run.json();
        assertThat(json.get("result").asString()).isEqualTo("FAILED");
        assertThat(json.get("reason").asString()).contains("1 CRITICAL, 1 HIGH, 2 MEDIUM").endsWith("1 distinct at or above CRITICAL to fix");
        assertThat(json.get("steps").toString()).contains("CRITICAL CVE-2024-45492 libexpat1 2.5.0-1 → fixed in 2.5.0-1+deb12u1")
                .contains("HIGH CVE-2024-2511 libssl3");
        assertThat(json.get("after").get("critical").get("value").asInt()).isEqualTo(1);

        var lenient = TendCli.run(Clock.systemUTC(), config(docker), path, "run", "security.scan", "docker", "--fail-on", "LOW");
        assertThat(lenient.out()).contains("4 distinct at or above LOW");
    }
}
