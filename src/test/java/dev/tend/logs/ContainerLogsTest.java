package dev.tend.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.testing.TendCli;
import dev.tend.testing.DockerEngine;
import dev.tend.testing.DockerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The runbooks' "docker logs app --since 24h" through the Engine API of the suite's real Docker engine, with and without a TTY. */
@ExtendWith(DockerExtension.class)
class ContainerLogsTest {
    private static final String SCRIPT = "echo 'INFO: started'; "
            + "echo 'ERROR: Database connection failed: timeout after 30s to 10.0.0.5:5432' >&2; "
            + "echo 'ERROR: Database connection failed: timeout after 7s to 10.0.0.6:5432'; "
            + "echo 'Killed process 42 (python) total-vm:1024kB, out of memory'; echo done; sleep 3600";
    private static DockerEngine docker;
    @TempDir
    Path directory;

    @BeforeAll
    static void containers(DockerEngine engine) {
        docker = engine;
        for (var name : List.of("tend-logger", "tend-tty-logger")) {
            var args = new ArrayList<>(List.of("run", "-d", "--network", "none", "--name", name));
            if (name.contains("tty")) args.add("-t");
            args.addAll(List.of(docker.image(), "sh", "-c", SCRIPT));
            docker.docker(args.toArray(String[]::new));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> docker.docker("logs", "tend-logger").contains("done")
                && docker.docker("logs", "tend-tty-logger").contains("done"));
    }

    @Test
    void aContainersLogsAreAnalyzedLikeAFilesWithTheirStreamsMerged() throws Exception {
        for (var container : List.of("tend-logger", "tend-tty-logger")) {
            var run = tend(container, "logs", "analyze", "api", "--since", "1h", "--json");
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            var report = JsonMapper.builder().build().readTree(run.out());
            assertThat(report.path("format").asString()).isEqualTo("docker-json+plain");
            assertThat(report.path("totals").path("records").asLong()).as(container).isEqualTo(5);
            assertThat(report.path("errors")).singleElement().satisfies(pattern -> {
                assertThat(pattern.path("template").asString()).isEqualTo("Database connection failed: timeout after <DUR> to <IP>");
                assertThat(pattern.path("count").asLong()).as("stdout and stderr both").isEqualTo(2);
                assertThat(pattern.path("first").asString()).as("Docker's own time").startsWith(java.time.Instant.now().toString().substring(0, 10));
            });
            assertThat(report.path("memory").get(0).path("template").asString()).startsWith("Killed process <NUM> (python)");
        }
        var text = tend("tend-logger", "logs", "analyze", "api", "--since", "1h");
        assertThat(text.out()).startsWith("Log source api: container tend-logger (docker), format docker-json+plain");
    }

    @Test
    void aMissingContainerOrAWrongTargetIsSaidClearly() throws Exception {
        var missing = tend("tend-no-such", "logs", "analyze", "api");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("no container named tend-no-such on " + docker.socket());
        var config = Files.writeString(directory.resolve("wrong.yaml"), """
                platform: { name: Lab }
                targets:
                  - { name: web, type: tcp, address: "127.0.0.1:1" }
                logs:
                  - { name: api, container: { target: web, name: app } }
                  - { name: both, files: [a.log], container: { target: web, name: app } }
                """);
        var wrong = run(config, "logs", "analyze", "api");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("logs[0].container.target: 'web' is a tcp target; a container's logs come from a docker target",
                "logs[1]: a log source needs files or a container, not both");
    }

    @Test
    void aRotationTellsTheContainerThatWritesTheFileToReopen() throws Exception {
        var logs = Files.createDirectories(directory.resolve("mounted"));
        Files.writeString(logs.resolve("app.log"), "a line\n");
        docker.docker("run", "-d", "--network", "none", "--name", "tend-writer", "-v", logs + ":/logs", docker.image(), "sh", "-c",
                "trap 'echo reopened >> /logs/signals' USR1; while true; do sleep 0.2; done");
        var config = Files.writeString(directory.resolve("rotate.yaml"), """
                platform: { name: Lab }
                targets:
                  - { name: docker, type: docker, socket: "%s" }
                logs:
                  - name: app
                    files: ["mounted/app.log"]
                    rotate: { maxSize: 1B, reopen: { container: { target: docker, name: tend-writer }, signal: USR1 } }
                store: { path: "%s" }
                """.formatted(docker.socket(), directory.resolve("tend.db")));
        var run = run(config, "logs", "rotate", "app");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("told container tend-writer (docker) to reopen with SIGUSR1");
        assertThat(logs.resolve("app.log.1")).hasContent("a line\n");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(logs.resolve("signals"))
                && Files.readString(logs.resolve("signals")).contains("reopened"));
    }

    @Test
    void aContainersLogIsCheckedRoundByRoundAndNoLineCountsTwice() throws Exception {
        var mounted = Files.createDirectories(directory.resolve("go"));
        docker.docker("run", "-d", "--network", "none", "--name", "tend-checked", "-v", mounted + ":/go", docker.image(), "sh", "-c",
                "echo 'ERROR: before Tend watched'; while [ ! -f /go/1 ]; do sleep 0.1; done; "
                        + "for i in 1 2 3 4 5; do echo \"ERROR: Database connection failed: timeout after ${i}s to 10.0.0.5:5432\"; done; "
                        + "while [ ! -f /go/2 ]; do sleep 0.1; done; echo 'ERROR: Connection to 10.0.0.9:6379 refused'; sleep 3600");
        var config = Files.writeString(directory.resolve("checked.yaml"), """
                platform: { name: Lab }
                targets:
                  - { name: docker, type: docker, socket: "%s" }
                logs:
                  - { name: api, container: { target: docker, name: tend-checked }, check: { errorsPerMinute: { warn: 1000, crit: 2000 } } }
                store: { path: "%s" }
                """.formatted(docker.socket(), directory.resolve("checked.db")));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> docker.docker("logs", "tend-checked").contains("before Tend watched"));
        var first = errors(config);
        assertThat(first.path("reason").asString()).startsWith("started reading the logs of container tend-checked from now");

        Files.writeString(mounted.resolve("1"), "");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> docker.docker("logs", "tend-checked").contains("timeout after 5s"));
        assertThat(errors(config).path("reason").asString()).as("the five written since, not the one before").startsWith("5 errors in the last ");
        assertThat(errors(config).path("reason").asString()).as("nothing new").startsWith("0 errors in the last ");

        Files.writeString(mounted.resolve("2"), "");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> docker.docker("logs", "tend-checked").contains("refused"));
        assertThat(errors(config).path("reason").asString()).startsWith("1 error in the last ").contains("Connection to <IP> refused");
    }

    private static tools.jackson.databind.JsonNode errors(Path config) {
        var run = run(config, "check", "--target", "logs:api", "--json");
        for (var result : JsonMapper.builder().build().readTree(run.out()).path("results")) {
            if (result.path("check").asString().equals("errors")) return result;
        }
        throw new AssertionError(run.out() + run.err());
    }

    private TendCli.Run tend(String container, String... args) throws Exception {
        var config = Files.writeString(directory.resolve("tend.yaml"), """
                platform: { name: Lab }
                targets:
                  - { name: docker, type: docker, socket: "%s" }
                logs:
                  - { name: api, container: { target: docker, name: %s } }
                store: { path: "%s" }
                """.formatted(docker.socket(), container, directory.resolve("tend.db")));
        return run(config, args);
    }

    private static TendCli.Run run(Path config, String... args) {
        return TendCli.run(Clock.systemUTC(), config, args);
    }
}
