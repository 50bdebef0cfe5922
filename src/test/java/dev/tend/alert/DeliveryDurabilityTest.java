package dev.tend.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import dev.tend.alert.notify.Outbox;
import dev.tend.check.CheckResult;
import dev.tend.check.Status;
import dev.tend.config.TendConfig;
import dev.tend.registry.BuiltIn;
import dev.tend.store.Database;
import dev.tend.store.Stores;
import dev.tend.testing.PostgresExtension;
import dev.tend.testing.PostgresServer;
import dev.tend.testing.ServeProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox's delivery promise, end to end with real {@code tend serve} processes and a webhook
 * receiver the test owns (signatures verified, every {@code webhook-id} counted):
 * <ul>
 * <li>{@code kill -9} of tend serve while notifications are still undelivered: the next instance
 * delivers every one of them; only those the killed instance had claimed and not settled may
 * arrive twice (at least once, nothing lost);</li>
 * <li>two instances on one PostgreSQL store share the work and deliver each notification exactly
 * once.</li>
 * </ul>
 */
@ExtendWith(PostgresExtension.class)
class DeliveryDurabilityTest {
    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("durability-test-key-of-32-bytes!".getBytes(StandardCharsets.UTF_8));
    /** What one claim of the deliverer takes at most: the killed instance can have had no more in hand. */
    private static final int CLAIM_SIZE = 50;

    @TempDir
    Path directory;

    private Receiver receiver;

    @AfterEach
    void stopReceiver() {
        if (receiver != null) receiver.close();
    }

    @Test
    void killedWithUndeliveredNotificationsTheNextInstanceDeliversEachOne() throws Exception {
        int incidents = 300;
        receiver = new Receiver(Duration.ofMillis(20));
        var config = writeConfig("tend.yaml", incidents, receiver.url("hook"), "store: { path: \"" + directory.resolve("tend.db") + "\" }");

        try (var store = Stores.open(load(config).store())) {
            var expected = openIncidents(load(config), store, incidents);
            assertThat(expected).as("one pending notification per incident").hasSize(incidents);

            Instant killedAt;
            int keysBeforeKill, requestsBeforeKill;
            long settledAtKill, claimedAtKill;
            try (var first = ServeProcess.start(config, "first", directory.resolve("first.log"))) {
                waitUntil(Duration.ofSeconds(60), Duration.ofMillis(10), () -> receiver.keys() >= 120,
                        () -> "the first instance delivered " + receiver.keys() + " of " + incidents + "\n" + output(first));
                first.kill();
                killedAt = Instant.now();
                keysBeforeKill = receiver.keys();
                requestsBeforeKill = receiver.requests();
                settledAtKill = count(store, "SELECT count(*) FROM notification WHERE state <> 'PENDING'");
                claimedAtKill = count(store, "SELECT count(*) FROM notification WHERE state = 'PENDING' AND claimed_until > " + killedAt.toEpochMilli());
                assertThat(keysBeforeKill).as("killed mid-way: some delivered, some not").isBetween(1, incidents - 1);
            }

            try (var second = ServeProcess.start(config, "second", directory.resolve("second.log"))) {
                waitUntil(Duration.ofSeconds(90), Duration.ofMillis(100), () -> receiver.received.keySet().containsAll(expected)
                                && new Outbox(store).list("PENDING", 10).isEmpty(),
                        () -> "after the kill, " + receiver.keys() + " of " + incidents + " keys arrived, pending rows: "
                                + new Outbox(store).list("PENDING", 1000).size() + "\n" + output(second));
                var drained = Duration.between(killedAt, Instant.now());
                second.stop();

                var repeated = receiver.repeated();
                var report = "delivered before the kill: " + keysBeforeKill + " keys (" + requestsBeforeKill + " requests, " + settledAtKill
                        + " rows settled, " + claimedAtKill + " claimed and unsettled); received twice after the restart: " + repeated.size()
                        + " " + repeated + "; drained " + drained.toMillis() + " ms after the kill";
                System.out.println("DeliveryDurabilityTest kill -9: " + report);
                assertThat(receiver.received.keySet()).as("every notification arrived: " + report).containsAll(expected);
                assertThat(receiver.received.keySet()).as("nothing else arrived").hasSameSizeAs(expected);
                assertThat(receiver.badSignatures).as("every delivery signed").isEmpty();
                assertThat(repeated.size()).as("only what the killed instance had claimed and not settled may repeat: " + report)
                        .isLessThanOrEqualTo((int) Math.min(claimedAtKill, CLAIM_SIZE));
                assertThat(repeated.values()).as("at most twice: " + report).allMatch(times -> times == 2);
                assertThat(new Outbox(store).list("PENDING", 1000)).as("nothing left in the outbox").isEmpty();
                assertThat(new Outbox(store).list("DELIVERED", 1000)).hasSize(incidents);
                assertThat(second.output()).doesNotContain("gave up on", "trying again");
            }
        }
    }

    @Test
    void twoInstancesOnOnePostgresStoreDeliverEachNotificationExactlyOnce(PostgresServer postgres) throws Exception {
        int incidents = 250;
        postgres.createDatabase("delivery_durability");
        receiver = new Receiver(Duration.ofMillis(10));
        var store = "store: { url: \"" + postgres.url("delivery_durability") + "\" }";
        // The same store and notifier, a different URL path per instance: the receiver tells who delivered what.
        var configA = writeConfig("a.yaml", incidents, receiver.url("a"), store);
        var configB = writeConfig("b.yaml", incidents, receiver.url("b"), store);

        try (var a = ServeProcess.start(configA, "a", directory.resolve("a.log"));
                var b = ServeProcess.start(configB, "b", directory.resolve("b.log"))) {
            waitUntil(Duration.ofSeconds(60), Duration.ofMillis(100), () -> output(a).contains("tend serve: a running")
                    && output(b).contains("tend serve: b running"), () -> output(a) + "\n" + output(b));
            try (var database = Stores.open(load(configA).store())) {
                // Created while both instances deliver, ten incidents per round.
                var config = load(configA);
                var alerting = new AlertService(config, database, Clock.systemUTC());
                for (int from = 0; from < incidents; from += 10) {
                    alerting.evaluate(crit(from, Math.min(from + 10, incidents)));
                }
                var expected = keys(database);
                assertThat(expected).as("one notification per incident").hasSize(incidents);

                var started = Instant.now();
                waitUntil(Duration.ofSeconds(60), Duration.ofMillis(100), () -> receiver.received.keySet().containsAll(expected)
                                && new Outbox(database).list("DELIVERED", 1000).size() == incidents,
                        () -> receiver.keys() + " of " + incidents + " keys arrived, " + new Outbox(database).list("DELIVERED", 1000).size()
                                + " rows delivered\n" + output(a) + "\n" + output(b));
                var drained = Duration.between(started, Instant.now());
                // Stopped, they can send nothing more: what the receiver counted now is all there will ever be.
                a.stop();
                b.stop();

                var byA = receiver.byPath.getOrDefault("a", new AtomicInteger()).get();
                var byB = receiver.byPath.getOrDefault("b", new AtomicInteger()).get();
                var report = "a delivered " + byA + ", b delivered " + byB + ", " + receiver.requests() + " requests for " + incidents
                        + " notifications, repeated: " + receiver.repeated() + "; all in " + drained.toMillis() + " ms after the last incident";
                System.out.println("DeliveryDurabilityTest two instances: " + report);
                assertThat(receiver.received.keySet()).as(report).containsExactlyInAnyOrderElementsOf(expected);
                assertThat(receiver.repeated()).as("no crash, so no notification twice: " + report).isEmpty();
                assertThat(receiver.requests()).as(report).isEqualTo(incidents);
                assertThat(receiver.badSignatures).as("every delivery signed").isEmpty();
                assertThat(byA).as("both instances delivered: " + report).isPositive();
                assertThat(byB).as("both instances delivered: " + report).isPositive();
                assertThat(new Outbox(database).list("PENDING", 1000)).isEmpty();
                assertThat(a.output() + b.output()).doesNotContain("gave up on", "trying again");
            }
        }
    }

    /** A webhook receiver that verifies each signature, counts each {@code webhook-id}, and takes {@code delay} to answer. */
    private static final class Receiver implements AutoCloseable {
        final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> byPath = new ConcurrentHashMap<>();
        final Set<String> badSignatures = ConcurrentHashMap.newKeySet();
        private final AtomicInteger requests = new AtomicInteger();
        private final HttpServer server;
        private final ExecutorService threads = Executors.newFixedThreadPool(16);

        Receiver(Duration delay) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
            server.setExecutor(threads);
            server.createContext("/hook/", exchange -> {
                try (exchange) {
                    var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    var id = exchange.getRequestHeaders().getFirst("webhook-id");
                    var timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
                    var signature = exchange.getRequestHeaders().getFirst("webhook-signature");
                    if (id == null || signature == null || !signature.equals("v1," + sign(id + "." + timestamp + "." + body))) {
                        badSignatures.add(String.valueOf(id));
                    }
                    // Counted on arrival: from here on, the far end has it, whatever becomes of the sender.
                    requests.incrementAndGet();
                    received.computeIfAbsent(String.valueOf(id), key -> new AtomicInteger()).incrementAndGet();
                    byPath.computeIfAbsent(exchange.getRequestURI().getPath().substring("/hook/".length()), key -> new AtomicInteger()).incrementAndGet();
                    Thread.sleep(delay);
                    exchange.sendResponseHeaders(200, -1);
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                } catch (IOException senderGone) {
                    // a killed sender: it never hears the answer
                }
            });
            server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/" + path;
        }

        int keys() {
            return received.size();
        }

        int requests() {
            return requests.get();
        }

        /** The keys that arrived more than once, with how often. */
        Map<String, Integer> repeated() {
            return received.entrySet().stream().filter(entry -> entry.getValue().get() > 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().get()));
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    /** Opens one incident per target, each paging the webhook: the outbox then holds one pending notification for each. */
    private static Set<String> openIncidents(TendConfig config, Database store, int count) {
        var alerting = new AlertService(config, store, Clock.systemUTC());
        alerting.evaluate(crit(0, count));
        return keys(store);
    }

    private static List<CheckResult> crit(int from, int to) {
        var now = Instant.now();
        return IntStream.range(from, to).mapToObj(index -> new CheckResult("t" + index, "connect", Status.CRIT, "t" + index + " is down", List.of(),
                now, Duration.ofMillis(1))).toList();
    }

    private static Set<String> keys(Database store) {
        return Set.copyOf(store.jdbi().withHandle(handle -> handle.createQuery("SELECT idempotency_key FROM notification").mapTo(String.class).list()));
    }

    private static long count(Database store, String sql) {
        return store.jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    /** A config with {@code targets} targets that fire on their first bad result and one signed webhook to {@code url}. */
    private Path writeConfig(String name, int targets, String url, String store) throws IOException {
        var secret = Files.writeString(directory.resolve("hook-secret"), SECRET);
        var yaml = new StringBuilder("""
                platform: { name: Lab }
                alerting: { fireAfter: 1 }
                serve: { pollInterval: 250ms, heartbeat: 4s, threads: 4 }
                notifiers:
                  - { name: hook, type: webhook, url: "%s", secret: "${file:%s}", timeout: 2s }
                %s
                targets:
                """.formatted(url, secret, store));
        for (int index = 0; index < targets; index++) {
            yaml.append("  - { name: t").append(index).append(", type: tcp, address: \"127.0.0.1:1\" }\n");
        }
        return Files.writeString(directory.resolve(name), yaml);
    }

    private static TendConfig load(Path config) throws Exception {
        return BuiltIn.configLoader(variable -> null).parse(Files.readString(config), config);
    }

    /** Polls {@code condition} every {@code poll} until it holds; fails after {@code atMost} with {@code why}. */
    private static void waitUntil(Duration atMost, Duration poll, BooleanSupplier condition, Supplier<String> why) throws InterruptedException {
        var deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("not within " + atMost.toSeconds() + " s: " + why.get());
            Thread.sleep(poll);
        }
    }

    private static String output(ServeProcess serve) {
        try {
            return serve.output();
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static String sign(String content) {
        return dev.tend.testing.StandardWebhooks.sign(SECRET, content);
    }
}
