package dev.tend.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tend.access.ApiTokens;
import dev.tend.access.Role;
import dev.tend.alert.AlertService;
import dev.tend.check.CheckResult;
import dev.tend.check.ResultHistory;
import dev.tend.check.Status;
import dev.tend.config.StoreSettings;
import dev.tend.registry.BuiltIn;
import dev.tend.store.Stores;
import dev.tend.target.Address;
import dev.tend.testing.MovableClock;
import dev.tend.testing.PrometheusServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /metrics as Prometheus sees it: what it says after a failing check, clean under promtool, scraped by a real Prometheus with a token. */
class MetricsTest {
    private static final Instant NOW = Instant.parse("2026-12-06T02:30:00Z"); // a Sunday, inside the weekly window

    @TempDir
    Path directory;

    @Test
    void aFailingCheckAnOpenIncidentAndAWindowShowAsMetricsThatPromtoolAcceptsAndPrometheusScrapes() throws Exception {
        var clock = new MovableClock(NOW);
        try (var store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")))) {
            var config = BuiltIn.configLoader(Map.<String, String>of()::get).parse("""
                    platform: { name: Lab }
                    targets:
                      - { name: db, type: tcp, address: "127.0.0.1:1" }
                      - { name: web-front, type: tcp, address: "127.0.0.1:2" }
                    windows:
                      - { name: weekly, cron: "0 2 * * SUN", duration: 2h, timezone: UTC, targets: [db] }
                    schedules:
                      - { name: health, run: check, every: 1m }
                    alerting: { fireAfter: 1 }
                    """, Path.of("tend.yaml"));
            var results = List.of(new CheckResult("db", "connect", Status.CRIT, "connection refused", List.of(), NOW, Duration.ofMillis(1500)),
                    new CheckResult("web-front", "connect", Status.OK, "open", List.of(), NOW, Duration.ofMillis(2)));
            new ResultHistory(store).save(results);
            new AlertService(config, store, clock).evaluate(results);
            var token = new ApiTokens(store).create("prometheus", Role.VIEWER, "test", NOW).value();
            try (var server = WebServer.start(new WebContext(config, store, clock), new Address("127.0.0.1", 0))) {
                var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());

                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain; version=0.0.4");
                var body = response.body();
                assertThat(body).contains(
                        "tend_check_status{target=\"db\",check=\"connect\",status=\"crit\"} 1",
                        "tend_check_status{target=\"db\",check=\"connect\",status=\"ok\"} 0",
                        "tend_check_duration_seconds{target=\"db\",check=\"connect\"} 1.5",
                        "tend_check_status{target=\"web-front\",check=\"connect\",status=\"ok\"} 1",
                        "tend_incidents_open{severity=\"critical\"} 1",
                        "tend_window_open{target=\"db\"} 1",
                        "tend_window_open{target=\"web-front\"} 0",
                        "tend_notifications_pending 0",
                        "# TYPE tend_notifications_delivered_total counter");
                assertThat(body).as("the incident opened inside the window pages nobody, but it is open")
                        .contains("tend_incidents_open{severity=\"warning\"} 0");
                assertThat(PrometheusServer.lint(body)).as("promtool check metrics").isEmpty();
                assertThat(body).doesNotContain(token);

                try (var prometheus = PrometheusServer.scraping("127.0.0.1:" + server.port(), token)) {
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                            assertThat(prometheus.query("tend_check_status{target=\"db\",status=\"crit\"}")).contains("\"value\":[").contains("\"1\"]"));
                    assertThat(prometheus.get("/api/v1/targets")).contains("\"health\":\"up\"");
                    assertThat(prometheus.query("tend_window_open{target=\"db\"}")).contains("\"1\"]");
                    // The shipped dashboard asks only for what tend serve exports, in queries Prometheus accepts.
                    var dashboard = tools.jackson.databind.json.JsonMapper.builder().build().readTree(java.nio.file.Files.readString(Path.of("grafana/tend.json")));
                    var queries = new java.util.ArrayList<String>();
                    dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target -> queries.add(target.path("expr").asString())));
                    assertThat(queries).hasSizeGreaterThan(10);
                    for (var query : queries) {
                        var names = java.util.regex.Pattern.compile("tend_[a-z_]+").matcher(query);
                        while (names.find()) assertThat(body).as(query).contains("# TYPE " + names.group() + " ");
                        assertThat(prometheus.query(query)).as(query).contains("\"status\":\"success\"");
                    }
                }
            }
        }
    }
}
