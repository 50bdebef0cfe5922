package dev.tend.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tend.testing.TendCli;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * grafana.export against a small server speaking Grafana's two endpoints (Grafana cannot run here),
 * serving a real exported dashboard (grafana/tend.json) and a second one in a folder.
 */
class GrafanaExportTest {
    private static final String TOKEN = "glsa_test_token_value";
    @TempDir
    Path dir;
    private HttpServer server;
    private final AtomicInteger failDashboard = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        var json = JsonMapper.builder().build();
        var real = json.readTree(Files.readString(Path.of("grafana/tend.json")));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/", exchange -> {
            String body;
            int status = 200;
            var path = exchange.getRequestURI().getPath();
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                status = 401;
                body = "{\"message\":\"Unauthorized\"}";
            } else if (path.equals("/api/health")) {
                body = "{\"commit\":\"x\",\"database\":\"ok\",\"version\":\"10.4.2\"}";
            } else if (path.equals("/api/search")) {
                body = "[{\"uid\":\"tend-system-health\",\"title\":\"System Health (Tend)\",\"type\":\"dash-db\"},"
                        + "{\"uid\":\"db-overview\",\"title\":\"Database\",\"type\":\"dash-db\",\"folderTitle\":\"Platform/Ops\"}]";
            } else if (path.equals("/api/dashboards/uid/tend-system-health")) {
                body = "{\"meta\":{\"slug\":\"system-health\"},\"dashboard\":" + real + "}";
            } else if (path.equals("/api/dashboards/uid/db-overview") && failDashboard.get() == 0) {
                body = "{\"meta\":{},\"dashboard\":{\"uid\":\"db-overview\",\"title\":\"Database\",\"version\":7,\"panels\":[]}}";
            } else {
                status = 404;
                body = "{\"message\":\"Dashboard not found\"}";
            }
            var bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Path config() throws Exception {
        return Files.writeString(dir.resolve("tend.yaml"), """
                platform: { name: test }
                store: { path: %s }
                targets:
                  - { name: grafana, type: grafana, url: "http://127.0.0.1:%d/", token: "${env:GRAFANA_TOKEN}", exportTo: exports, keep: 2 }
                """.formatted(dir.resolve("tend.db"), server.getAddress().getPort()));
    }

    private TendCli.Run tend(Instant at, String... args) throws Exception {
        return TendCli.run(Clock.fixed(at, ZoneOffset.UTC), config(), java.util.Map.of("GRAFANA_TOKEN", TOKEN), args);
    }

    @Test
    void everyDashboardIsExportedIntoADatedDirectoryWithChecksums() throws Exception {
        var planned = tend(Instant.parse("2026-12-06T02:39:00Z"), "run", "grafana.export", "grafana", "--dry-run");
        assertThat(planned.out()).contains("PLANNED — would export 2 dashboards to").contains("General/tend-system-health: System Health (Tend)");
        assertThat(dir.resolve("exports")).doesNotExist();
        var run = tend(Instant.parse("2026-12-06T02:40:00Z"), "run", "grafana.export", "grafana");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("SUCCEEDED — exported 2 dashboards").contains("with SHA256SUMS").doesNotContain(TOKEN);
        var export = dir.resolve("exports/20261206T024000Z");
        var health = export.resolve("General/tend-system-health.json");
        assertThat(JsonMapper.builder().build().readTree(Files.readString(health)).path("uid").asString()).isEqualTo("tend-system-health");
        assertThat(export.resolve("Platform_Ops/db-overview.json")).exists();
        var sum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(health)));
        assertThat(Files.readString(export.resolve("SHA256SUMS"))).contains(sum + "  General/tend-system-health.json");
        var check = tend(Instant.parse("2026-12-06T02:41:00Z"), "check", "--target", "grafana");
        assertThat(check.out()).contains("Grafana 10.4.2 is up, its database ok");
    }

    @Test
    void aFailedExportLeavesNothingHalfWrittenAndOldExportsBeyondKeepGo() throws Exception {
        tend(Instant.parse("2026-12-01T02:00:00Z"), "run", "grafana.export", "grafana");
        tend(Instant.parse("2026-12-02T02:00:00Z"), "run", "grafana.export", "grafana");
        failDashboard.set(1);

        var failed = tend(Instant.parse("2026-12-03T02:00:00Z"), "run", "grafana.export", "grafana");

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.out()).contains("FAILED").contains("Grafana answered HTTP 404 to /api/dashboards/uid/db-overview");
        try (var listing = Files.list(dir.resolve("exports"))) {
            assertThat(listing.map(path -> path.getFileName().toString()).sorted().toList()).containsExactly("20261201T020000Z", "20261202T020000Z");
        }
        failDashboard.set(0);
        var third = tend(Instant.parse("2026-12-04T02:00:00Z"), "run", "grafana.export", "grafana");
        assertThat(third.out()).contains("removed 1 old export(s), keeping 2");
        try (var listing = Files.list(dir.resolve("exports"))) {
            assertThat(listing.map(path -> path.getFileName().toString()).sorted().toList()).containsExactly("20261202T020000Z", "20261204T020000Z");
        }
    }
}
