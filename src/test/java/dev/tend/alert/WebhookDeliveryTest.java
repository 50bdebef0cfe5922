package dev.tend.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.tend.alert.notify.Deliverer;
import dev.tend.alert.notify.Outbox;
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
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Incidents delivered to webhook receivers the test owns (the true edge): signed the Standard
 * Webhooks way, retried after 429, dead after 400 with the fallback told, never duplicated, and
 * the secret never stored.
 */
class WebhookDeliveryTest {
    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("a-test-signing-key-of-32-bytes!!".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path directory;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T03:00:00Z"));
    private final List<HttpServer> servers = new ArrayList<>();

    /** What one receiver saw: verified bodies, and the answers it gives in turn (the last one repeats). */
    final class Receiver {
        final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
        final List<String> badSignatures = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger calls = new AtomicInteger();
        final HttpServer server;
        volatile long answerAfterMillis;

        Receiver(int... answers) throws Exception {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/hook", exchange -> {
                var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int call = calls.getAndIncrement();
                var id = exchange.getRequestHeaders().getFirst("webhook-id");
                var timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
                var signature = exchange.getRequestHeaders().getFirst("webhook-signature");
                if (signature == null || !signature.equals("v1," + sign(id + "." + timestamp + "." + body))) badSignatures.add(id);
                int status = answers[Math.min(call, answers.length - 1)];
                try {
                    Thread.sleep(answerAfterMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (status == 200) bodies.add(body);
                if (status == 429) exchange.getResponseHeaders().add("Retry-After", "0");
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
            servers.add(server);
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }
    }

    @AfterEach
    void stop() {
        servers.forEach(server -> server.stop(0));
    }

    @Test
    void aPageIsSignedRetriedAfter429AndDeliveredOnceThenItsResolveFollows() throws Exception {
        var receiver = new Receiver(429, 200);
        try (var store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")))) {
            var config = config(Map.of("HOOK_URL", receiver.url(), "HOOK_SECRET", SECRET), "hook");
            var alerting = new AlertService(config, store, clock);
            var deliverer = Deliverer.of(config, store, clock, line -> { });

            alerting.evaluate(List.of(result(Status.CRIT)));
            var first = deliverer.deliverDue(10);
            var second = deliverer.deliverDue(10);
            var nothingLeft = deliverer.deliverDue(10);

            assertThat(first).isEqualTo(new Deliverer.Pass(0, 1, 0));
            assertThat(second).isEqualTo(new Deliverer.Pass(1, 0, 0));
            assertThat(nothingLeft.idle()).isTrue();
            assertThat(receiver.calls.get()).isEqualTo(2);
            assertThat(receiver.badSignatures).isEmpty();
            var page = JsonMapper.builder().build().readTree(receiver.bodies.get(0));
            assertThat(page.path("type").asString()).isEqualTo("incident.triggered");
            assertThat(page.path("incident").path("id").asLong()).isEqualTo(1);
            assertThat(page.path("incident").path("severity").asString()).isEqualTo("CRITICAL");
            assertThat(page.path("alerts").get(0).path("fingerprint").asString()).isEqualTo("check:db/connect");

            alerting.evaluate(List.of(result(Status.OK)));
            deliverer.deliverDue(10);
            assertThat(receiver.bodies).hasSize(2);
            assertThat(JsonMapper.builder().build().readTree(receiver.bodies.get(1)).path("type").asString()).isEqualTo("incident.resolved");
            assertThat(new Outbox(store).list("DELIVERED", 10)).hasSize(2).allSatisfy(row -> assertThat(row.lastAnswer()).startsWith("200"));
        }
        var stored = java.nio.file.Files.readAllBytes(directory.resolve("tend.db"));
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(SECRET).doesNotContain(SECRET.substring(6));
    }

    @Test
    void aRefusedPageGoesToTheDeadLetterAndTheOtherNotifierIsTold() throws Exception {
        var refusing = new Receiver(400);
        var fallback = new Receiver(200);
        try (var store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")))) {
            var config = config(Map.of("HOOK_URL", refusing.url(), "HOOK_SECRET", SECRET, "FALLBACK_URL", fallback.url()), "hook", "fallback");
            var alerting = new AlertService(config, store, clock);
            var deliverer = Deliverer.of(config, store, clock, line -> { });

            alerting.evaluate(List.of(result(Status.CRIT)));
            var first = deliverer.deliverDue(10);
            var second = deliverer.deliverDue(10);

            assertThat(first).isEqualTo(new Deliverer.Pass(1, 0, 1));
            assertThat(second).isEqualTo(new Deliverer.Pass(1, 0, 0));
            assertThat(new Outbox(store).list("DEAD", 10)).singleElement().satisfies(row -> {
                assertThat(row.notifier()).isEqualTo("hook");
                assertThat(row.lastAnswer()).startsWith("400");
            });
            assertThat(fallback.bodies).hasSize(2);
            var deadLetter = JsonMapper.builder().build().readTree(fallback.bodies.get(1));
            assertThat(deadLetter.path("type").asString()).isEqualTo("notification.dead");
            assertThat(deadLetter.path("detail").asString()).contains("notifier hook could not deliver incident.triggered: 400");
            assertThat(refusing.calls.get()).as("a 400 is final: not retried").isEqualTo(1);
        }
    }

    @Test
    void anAlertStormPagesOnceListingTheDependencyAndEveryTargetThatDependsOnIt() throws Exception {
        var receiver = new Receiver(200);
        try (var store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")))) {
            var config = BuiltIn.configLoader(Map.of("HOOK_URL", receiver.url(), "HOOK_SECRET", SECRET)::get).parse("""
                    platform: { name: Lab }
                    targets:
                      - { name: api, type: tcp, address: "127.0.0.1:2", dependsOn: [db] }
                      - { name: web, type: tcp, address: "127.0.0.1:3", dependsOn: [api] }
                      - { name: worker, type: tcp, address: "127.0.0.1:4", dependsOn: [db] }
                      - { name: db, type: tcp, address: "127.0.0.1:1" }
                      - { name: cache, type: tcp, address: "127.0.0.1:5" }
                    alerting: { fireAfter: 1, resolveAfter: 1 }
                    notifiers:
                      - { name: hook, type: webhook, url: "${env:HOOK_URL}", secret: "${env:HOOK_SECRET}", timeout: 2s }
                    """, Path.of("tend.yaml"));
            var alerting = new AlertService(config, store, clock);
            var storm = java.util.stream.Stream.of("web", "worker", "api", "db").map(target -> new CheckResult(target, "connect", Status.CRIT,
                    target + " refused", List.of(), clock.instant(), Duration.ofMillis(2))).toList();

            alerting.evaluate(storm);
            Deliverer.of(config, store, clock, line -> { }).deliverDue(10);

            var page = JsonMapper.builder().build().readTree(receiver.bodies.getFirst());
            assertThat(receiver.bodies).as("one incident, one page").hasSize(1);
            assertThat(page.path("type").asString()).isEqualTo("incident.triggered");
            assertThat(page.path("incident").path("title").asString()).startsWith("db/connect");
            var listed = new ArrayList<String>();
            page.path("alerts").forEach(alert -> listed.add(alert.path("subject").asString()));
            assertThat(listed).as("every affected target is in the page itself").containsExactlyInAnyOrder("db", "api", "web", "worker");
            assertThat(page.path("detail").asString()).contains("3 alert(s) of targets that depend on it joined in the same round");

            // A lone failure of a target nothing depends on pages as it opens, as before.
            alerting.evaluate(List.of(new CheckResult("cache", "connect", Status.CRIT, "cache refused", List.of(), clock.instant(), Duration.ofMillis(2))));
            assertThat(new Outbox(store).list("PENDING", 10)).singleElement().satisfies(row -> assertThat(row.event()).isEqualTo("OPENED"));
        }
    }

    @Test
    void aLoopPollingEveryTenMinutesDeliversAPageAtOnceWhenWoken() throws Exception {
        var receiver = new Receiver(200);
        var wakeup = new dev.tend.alert.notify.Wakeup();
        var ticks = new AtomicInteger();
        try (var store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")))) {
            var config = config(Map.of("HOOK_URL", receiver.url(), "HOOK_SECRET", SECRET), "hook");
            var alerting = new AlertService(config, store, clock);
            try (var loop = new dev.tend.alert.notify.DeliveryLoop(Deliverer.of(config, store, clock, line -> { }), ticks::incrementAndGet,
                    Duration.ofMinutes(10), wakeup, line -> { })) {
                loop.start();
                await().atMost(Duration.ofSeconds(20)).until(() -> ticks.get() >= 1);
                alerting.evaluate(List.of(result(Status.CRIT)));
                wakeup.wake();
                await().atMost(Duration.ofSeconds(20)).until(() -> receiver.bodies.size() == 1);
            }
            assertThat(receiver.bodies).as("delivered by the woken pass, ten minutes before the poll would have").hasSize(1);
        }
    }

    @Test
    void stoppingTheLoopLetsTheAttemptInFlightFinishAndBeRecordedDelivered() throws Exception {
        var receiver = new Receiver(200);
        receiver.answerAfterMillis = 1500;
        var wakeup = new dev.tend.alert.notify.Wakeup();
        var lines = Collections.synchronizedList(new ArrayList<String>());
        try (var store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")))) {
            var config = config(Map.of("HOOK_URL", receiver.url(), "HOOK_SECRET", SECRET), "hook");
            new AlertService(config, store, clock).evaluate(List.of(result(Status.CRIT)));
            var loop = new dev.tend.alert.notify.DeliveryLoop(Deliverer.of(config, store, clock, lines::add), () -> 0, Duration.ofMinutes(10), wakeup, lines::add);
            loop.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.calls.get() == 1);

            loop.close();

            assertThat(new Outbox(store).list("DELIVERED", 10)).as("the far end answered 200: that is what is recorded").singleElement()
                    .satisfies(row -> assertThat(row.attempts()).isEqualTo(1));
            assertThat(lines).as("no retry logged for a send that worked").isEmpty();
        }
    }

    @Test
    void wakesThatComeTogetherAreAnsweredByOnePass() throws Exception {
        var wakeup = new dev.tend.alert.notify.Wakeup();
        wakeup.wake();
        wakeup.wake();
        wakeup.wake();
        assertThat(wakeup.await(Duration.ofMillis(1))).isTrue();
        assertThat(wakeup.await(Duration.ofMillis(1))).as("the three wakes were one").isFalse();
    }

    private static CheckResult result(Status status) {
        return new CheckResult("db", "connect", status, "db is " + status, List.of(), Instant.parse("2026-12-01T03:00:00Z"), Duration.ofMillis(2));
    }

    private static dev.tend.config.TendConfig config(Map<String, String> environment, String... notifiers) throws Exception {
        var yaml = new StringBuilder("""
                platform: { name: Lab }
                targets:
                  - { name: db, type: tcp, address: "127.0.0.1:1" }
                alerting: { fireAfter: 1, resolveAfter: 1 }
                notifiers:
                """);
        for (var name : notifiers) {
            yaml.append(name.equals("hook")
                    ? "  - { name: hook, type: webhook, url: \"${env:HOOK_URL}\", secret: \"${env:HOOK_SECRET}\", timeout: 2s }\n"
                    : "  - { name: fallback, type: webhook, url: \"${env:FALLBACK_URL}\", timeout: 2s }\n");
        }
        return BuiltIn.configLoader(environment::get).parse(yaml.toString(), Path.of("tend.yaml"));
    }

    private static String sign(String content) {
        return dev.tend.testing.StandardWebhooks.sign(SECRET, content);
    }
}
