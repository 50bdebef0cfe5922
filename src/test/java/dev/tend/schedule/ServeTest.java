package dev.tend.schedule;

import dev.tend.testing.ServeProcess;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.config.StoreSettings;
import dev.tend.store.Stores;
import dev.tend.testing.PostgresExtension;
import dev.tend.testing.PostgresServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code tend serve} processes: killed mid-run, and two sharing one PostgreSQL store. */
@ExtendWith(PostgresExtension.class)
class ServeTest {
    @TempDir
    Path directory;

    @Test
    void killedMidRunTheRunIsMarkedInterruptedAfterRestartAndRunAgain() throws Exception {
        try (var hung = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) { // accepts, never answers: the check runs 20 s
            var config = Files.writeString(directory.resolve("tend.yaml"), """
                    platform: { name: Lab }
                    targets:
                      - { name: slow, type: http, url: "http://127.0.0.1:%d/health", timeout: 20s }
                    schedules:
                      - { name: slow-check, run: check slow, every: 1h, interrupted: rerun }
                    serve: { heartbeat: 500ms, pollInterval: 100ms }
                    store: { path: "%s" }
                    """.formatted(hung.getLocalPort(), directory.resolve("tend.db")));
            // The first run is due at the next full hour; move it to now so the test need not wait.
            try (var first = ServeProcess.start(config, "first", directory.resolve("first.log"))) {
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> first.output().contains("running 1 schedule"));
                var url = java.util.regex.Pattern.compile("HTTP on (http://127\\.0\\.0\\.1:\\d+)").matcher(first.output());
                assertThat(url.find()).as("the start line says where HTTP listens: " + first.output()).isTrue();
                var live = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url.group(1) + "/livez"))
                        .timeout(Duration.ofSeconds(5)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(live.statusCode()).isEqualTo(200);
                first.stop();
                assertThat(first.output()).as("SIGTERM stops it gracefully").contains("tend serve: first stopped");
            }
            dueNow(directory.resolve("tend.db"));
            try (var first = ServeProcess.start(config, "first", directory.resolve("first-2.log"))) {
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> runs("slow-check").stream()
                        .anyMatch(run -> run.status() == ScheduleRun.Status.RUNNING));
                first.kill();
            }
            try (var second = ServeProcess.start(config, "second", directory.resolve("second.log"))) {
                Awaitility.await().atMost(Duration.ofSeconds(40)).until(() -> runs("slow-check").size() >= 2);
                var runs = runs("slow-check");
                var interrupted = runs.get(runs.size() - 1);
                assertThat(interrupted.status()).isEqualTo(ScheduleRun.Status.INTERRUPTED);
                assertThat(interrupted.instance()).isEqualTo("first");
                assertThat(interrupted.detail()).startsWith("interrupted: instance first stopped").endsWith("run again (interrupted: rerun)");
                var rerun = runs.get(runs.size() - 2);
                assertThat(rerun.instance()).isEqualTo("second");
                assertThat(rerun.dueAt()).as("the same occurrence, run again").isEqualTo(interrupted.dueAt());
                assertThat(second.output()).contains("interrupted: instance first stopped");
            }
        }
    }

    @Test
    void twoInstancesOnOnePostgresStoreRunEachOccurrenceExactlyOnce(PostgresServer postgres) throws Exception {
        postgres.createDatabase("serve_store");
        try (var port = new ServerSocket(0, 200, InetAddress.getLoopbackAddress())) {
            // Accept and close, so every check finds the port healthy however many run.
            Thread.ofVirtual().start(() -> {
                while (!port.isClosed()) {
                    try {
                        port.accept().close();
                    } catch (java.io.IOException closed) {
                        return;
                    }
                }
            });
            var schedules = new StringBuilder();
            for (int index = 0; index < 20; index++) {
                schedules.append("  - { name: s").append(index).append(", run: check port, every: 1s }\n");
            }
            var config = Files.writeString(directory.resolve("tend.yaml"), """
                    platform: { name: Lab }
                    targets:
                      - { name: port, type: tcp, address: "127.0.0.1:%d" }
                    schedules:
                    %s
                    serve: { heartbeat: 1s, pollInterval: 100ms, threads: 8 }
                    store: { url: "%s" }
                    """.formatted(port.getLocalPort(), schedules, postgres.url("serve_store")));
            try (var a = ServeProcess.start(config, "a", directory.resolve("a.log"));
                    var b = ServeProcess.start(config, "b", directory.resolve("b.log"))) {
                Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> countRuns(postgres) >= 240);
                a.stop();
                b.stop();
            }
            var seen = new HashSet<String>();
            var byInstance = new HashMap<String, Integer>();
            int ran = 0;
            try (var connection = postgres.connect("serve_store");
                    var rows = connection.createStatement().executeQuery("SELECT schedule, due_at, instance, status FROM tend.schedule_run")) {
                while (rows.next()) {
                    // SKIPPED: due while its previous run was still going (a slow start under load); recorded, not run.
                    assertThat(rows.getString(4)).as("no run was interrupted or failed").isIn("SUCCEEDED", "RUNNING", "SKIPPED");
                    assertThat(seen.add(rows.getString(1) + "@" + rows.getLong(2))).as("twice: " + rows.getString(1) + "@" + rows.getLong(2)).isTrue();
                    if (!rows.getString(4).equals("SKIPPED")) {
                        ran++;
                        byInstance.merge(rows.getString(3), 1, Integer::sum);
                    }
                }
            }
            assertThat(seen.size()).isGreaterThanOrEqualTo(240);
            assertThat(ran).as("occurrences that ran, each once").isGreaterThanOrEqualTo(200);
            assertThat(byInstance.keySet()).as("both instances took work").containsExactlyInAnyOrder("a", "b");
        }
    }

    private long countRuns(PostgresServer postgres) throws SQLException {
        try (var connection = postgres.connect("serve_store");
                var rows = connection.createStatement().executeQuery("SELECT count(*) FROM tend.schedule_run")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException notYetMigrated) {
            return 0;
        }
    }

    private java.util.List<ScheduleRun> runs(String schedule) {
        try (var store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")))) {
            return new ScheduleRuns(store).recent(schedule, 100);
        }
    }

    /** Moves every waiting execution to now, as if its time had come. */
    private static void dueNow(Path database) throws Exception {
        try (var store = Stores.open(StoreSettings.sqlite(database));
                var connection = store.dataSource().getConnection();
                var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE scheduled_tasks SET execution_time = " + (System.currentTimeMillis() - 1000));
        }
    }
}
