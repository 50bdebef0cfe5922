package dev.tend.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tend.testing.LoggingNginx;
import dev.tend.testing.TendCli;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Maintenance mode with the shipped nginx snippet on a real nginx: 503 and the page while on, 200 after, also after a rolled-back run. */
class MaintenanceModeTest {
    @TempDir
    Path dir;
    private LoggingNginx nginx;
    private Path flag;

    @BeforeEach
    void startNginx() throws Exception {
        flag = dir.resolve("maintenance.on");
        var www = Files.createDirectories(dir.resolve("www"));
        Files.copy(Path.of("examples/nginx/tend-maintenance.html"), www.resolve("tend-maintenance.html"));
        var snippet = Files.readString(Path.of("examples/nginx/maintenance.conf"))
                .replace("/etc/nginx/maintenance.on", flag.toString()).replace("/usr/share/nginx/tend", www.toString());
        nginx = LoggingNginx.start(dir.resolve("nginx"), snippet);
    }

    @AfterEach
    void stopNginx() {
        nginx.close();
    }

    private HttpResponse<String> get() throws Exception {
        try (var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            return http.send(HttpRequest.newBuilder(URI.create(nginx.url("/api/v1/datasets"))).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private Path config(String runbook) throws Exception {
        return Files.writeString(dir.resolve("tend.yaml"), """
                platform: { name: test }
                store: { path: %s }
                maintenanceMode: { file: %s }
                targets:
                  - { name: site, type: http, url: "%s", expectStatus: [503] }
                %s
                """.formatted(dir.resolve("tend.db"), flag, nginx.url("/api/v1/datasets"), runbook));
    }

    @Test
    void onServesTheMaintenancePageWith503AndOffRestoresTheSite() throws Exception {
        var config = config("");
        assertThat(get().statusCode()).isEqualTo(200);

        var refused = TendCli.run(Clock.systemUTC(), config, "run", "maintenance-mode", "--on");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).contains("REFUSED").contains("disruptive and no maintenance window is open");
        var planned = TendCli.run(Clock.systemUTC(), config, "run", "maintenance-mode", "--on", "--dry-run");
        assertThat(planned.out()).contains("would turn maintenance mode on (now off)");
        assertThat(get().statusCode()).isEqualTo(200);

        var on = TendCli.run(Clock.systemUTC(), config, "run", "maintenance-mode", "--on", "--force");
        assertThat(on.exitCode()).as(on.out() + on.err()).isZero();
        var during = get();
        assertThat(during.statusCode()).isEqualTo(503);
        assertThat(during.body()).contains("We are doing planned maintenance");
        assertThat(during.headers().firstValue("Retry-After")).contains("600");

        var off = TendCli.run(Clock.systemUTC(), config, "run", "maintenance-mode", "--off");
        assertThat(off.exitCode()).as("off is online: no window needed").isZero();
        assertThat(off.out()).contains("maintenance mode off");
        assertThat(get().statusCode()).isEqualTo(200);
        assertThat(flag).doesNotExist();
    }

    @Test
    void aRunThatFailsAndRollsBackStillTurnsMaintenanceModeOff() throws Exception {
        var config = config("""
                runbooks:
                  - name: deploy
                    steps:
                      - { name: maintenance-on, run: maintenance-mode --on }
                      - { name: users-see-the-page, run: check site }
                      - { name: migrate, command: { argv: [sh, -c, "echo 'migration failed' >&2; exit 1"], impact: online }, onFailure: rollback }
                      - { name: maintenance-off, run: maintenance-mode --off }
                    rollback:
                      - { name: restore, notify: "Rolled back" }
                """);

        var run = TendCli.run(Clock.systemUTC(), config, "runbook", "run", "deploy");

        assertThat(run.out()).contains("ROLLED_BACK");
        assertThat(get().statusCode()).isEqualTo(200);
        assertThat(flag).doesNotExist();
        var shown = TendCli.run(Clock.systemUTC(), config, "runbook", "show", "1").out();
        assertThat(shown).contains("users-see-the-page").contains("maintenance-mode --off as the run ended (ROLLED_BACK): succeeded: maintenance mode off");
    }

    @Test
    void aCompletedRunThatTurnedItOffItselfIsNotTurnedOffTwice() throws Exception {
        var config = config("""
                runbooks:
                  - name: deploy
                    steps:
                      - { name: maintenance-on, run: maintenance-mode --on }
                      - { name: maintenance-off, run: maintenance-mode --off }
                """);

        var run = TendCli.run(Clock.systemUTC(), config, "runbook", "run", "deploy");

        assertThat(run.out()).contains("COMPLETED");
        assertThat(TendCli.run(Clock.systemUTC(), config, "runbook", "show", "1").out()).doesNotContain("as the run ended");
        assertThat(get().statusCode()).isEqualTo(200);
    }

    @Test
    void aUrlSwitchIsCalledWithItsTokenAndAnErrorFailsTheStep() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/admin/maintenance", exchange -> {
            calls.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int status = calls.size() == 1 ? 204 : 500;
            exchange.sendResponseHeaders(status, status == 204 ? -1 : 0);
            if (status == 500) exchange.getResponseBody().write("switch broken".getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });
        server.start();
        try {
            var config = Files.writeString(dir.resolve("tend.yaml"), """
                    platform: { name: test }
                    store: { path: %s }
                    maintenanceMode: { url: "http://127.0.0.1:%d/admin/maintenance", token: "${env:SWITCH_TOKEN}" }
                    targets:
                      - { name: api, type: tcp, address: "127.0.0.1:9" }
                    """.formatted(dir.resolve("tend.db"), server.getAddress().getPort()));

            var on = TendCli.run(Clock.systemUTC(), config, Map.of("SWITCH_TOKEN", "t0ken-xyz"), "run", "maintenance-mode", "--on", "--force");
            var off = TendCli.run(Clock.systemUTC(), config, Map.of("SWITCH_TOKEN", "t0ken-xyz"), "run", "maintenance-mode", "--off");

            assertThat(on.exitCode()).as(on.out() + on.err()).isZero();
            assertThat(calls.getFirst()).isEqualTo("POST Bearer t0ken-xyz {\"maintenance\": true}");
            assertThat(calls.get(1)).endsWith("{\"maintenance\": false}");
            assertThat(off.exitCode()).isEqualTo(1);
            assertThat(off.out()).contains("FAILED").contains("answered HTTP 500: switch broken").doesNotContain("t0ken-xyz");
        } finally {
            server.stop(0);
        }
    }
}
