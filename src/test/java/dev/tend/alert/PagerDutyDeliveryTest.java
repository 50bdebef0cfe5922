package dev.tend.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tend.alert.notify.Deliverer;
import dev.tend.check.CheckResult;
import dev.tend.check.Status;
import dev.tend.config.StoreSettings;
import dev.tend.registry.BuiltIn;
import dev.tend.store.Stores;
import dev.tend.testing.MovableClock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An incident's life as a PagerDuty Events API v2 receiver sees it: trigger, acknowledge, resolve, one dedup_key. */
class PagerDutyDeliveryTest {
    @TempDir
    Path directory;

    @Test
    void triggerAcknowledgeAndResolveShareTheIncidentsDedupKeyAndA429IsRetriedOnce() throws Exception {
        var events = Collections.synchronizedList(new ArrayList<JsonNode>());
        var calls = new AtomicInteger();
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v2/enqueue", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (calls.getAndIncrement() == 0) {
                exchange.getResponseHeaders().add("Retry-After", "0");
                exchange.sendResponseHeaders(429, -1);
            } else {
                events.add(JsonMapper.builder().build().readTree(body));
                var answer = "{\"status\":\"success\",\"message\":\"Event processed\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(202, answer.length);
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        });
        server.start();
        var clock = new MovableClock(Instant.parse("2026-12-01T03:00:00Z"));
        try (var store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")))) {
            var config = BuiltIn.configLoader(Map.of("PD_KEY", "R0UT1NGKEY0000000000000000000001")::get).parse("""
                    platform: { name: Molecular Lab }
                    targets:
                      - { name: db, type: tcp, address: "127.0.0.1:1" }
                    alerting: { fireAfter: 1, resolveAfter: 1 }
                    notifiers:
                      - { name: pd, type: pagerduty, routingKey: "${env:PD_KEY}", url: "http://127.0.0.1:%d/v2/enqueue" }
                    """.formatted(server.getAddress().getPort()), Path.of("tend.yaml"));
            var alerting = new AlertService(config, store, clock);
            var deliverer = Deliverer.of(config, store, clock, line -> { });

            alerting.evaluate(List.of(result(Status.CRIT, clock)));
            deliverer.deliverDue(10);
            deliverer.deliverDue(10);
            alerting.acknowledge(alerting.alerts(false).get(0).id(), "alice", "on it", Optional.empty());
            deliverer.deliverDue(10);
            alerting.evaluate(List.of(result(Status.OK, clock)));
            deliverer.deliverDue(10);

            assertThat(events).extracting(event -> event.path("event_action").asString()).containsExactly("trigger", "acknowledge", "resolve");
            assertThat(events).extracting(event -> event.path("dedup_key").asString()).containsOnly("tend-Molecular-Lab-incident-1");
            assertThat(events).extracting(event -> event.path("routing_key").asString()).containsOnly("R0UT1NGKEY0000000000000000000001");
            var trigger = events.get(0).path("payload");
            assertThat(trigger.path("severity").asString()).isEqualTo("critical");
            assertThat(trigger.path("source").asString()).isEqualTo("db");
            assertThat(trigger.path("summary").asString()).startsWith("[CRITICAL] Molecular Lab: incident 1 triggered: db/connect");
            assertThat(calls.get()).as("the 429, then three events").isEqualTo(4);
        } finally {
            server.stop(0);
        }
    }

    private static CheckResult result(Status status, MovableClock clock) {
        return new CheckResult("db", "connect", status, "db is " + status, List.of(), clock.instant(), Duration.ofMillis(2));
    }
}
