package dev.tend.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tend.config.TendConfig;
import dev.tend.registry.BuiltIn;
import dev.tend.target.TargetsSection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CheckRunnerTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private BlackHole blackHole;
    private HttpServer api;
    private ServerSocket listening;

    @BeforeEach
    void start() throws Exception {
        blackHole = new BlackHole();
        api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/health", exchange -> {
            var body = "{\"status\":\"ok\"}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        api.start();
        listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void stop() throws Exception {
        blackHole.close();
        api.stop(0);
        listening.close();
    }

    @Test
    void aHungTargetDelaysNothingButItsOwnChecks() throws Exception {
        var config = config("""
                platform: { name: Lab }
                targets:
                  - { name: hung-api, type: http, url: "http://127.0.0.1:%1$d/health", timeout: 1500ms }
                  - { name: hung-redis, type: redis, url: "redis://127.0.0.1:%1$d", timeout: 1500ms, concurrency: 1 }
                  - { name: hung-db, type: postgres, url: "postgresql://postgres@127.0.0.1:%1$d/app", timeout: 1500ms }
                  - { name: api, type: http, url: "http://127.0.0.1:%2$d/health", json: [{path: $.status, equals: ok}] }
                  - { name: port, type: tcp, address: "127.0.0.1:%3$d" }
                """.formatted(blackHole.port(), api.getAddress().getPort(), listening.getLocalPort()));
        var completionOrder = new CopyOnWriteArrayList<CheckResult>();

        List<CheckResult> results;
        try (var context = CheckContext.create(clock)) {
            results = new CheckRunner(clock, config.redactor(), config.concurrency()).run(TargetsSection.of(config), context, completionOrder::add);
        }

        assertThat(results).extracting(CheckResult::target).containsExactly(
                "hung-api", "hung-redis", "hung-redis", "hung-redis", "hung-redis", "hung-redis",
                "hung-db", "hung-db", "hung-db", "api", "port");
        var healthy = results.stream().filter(r -> !r.target().startsWith("hung-")).toList();
        assertThat(healthy).allSatisfy(result -> assertThat(result.status()).isEqualTo(Status.OK));
        var hung = results.stream().filter(r -> r.target().startsWith("hung-")).toList();
        assertThat(hung).allSatisfy(result -> assertThat(result.status()).isEqualTo(Status.CRIT));
        // Each hung target ran out one timeout; its other checks then gave up instead of waiting out their own.
        for (var target : List.of("hung-api", "hung-redis", "hung-db")) {
            var ofTarget = hung.stream().filter(r -> r.target().equals(target)).toList();
            assertThat(ofTarget).anySatisfy(r -> assertThat(r.reason()).containsAnyOf("no answer within 1500ms", "timed out"));
            assertThat(ofTarget).allSatisfy(r -> assertThat(r.reason()).containsAnyOf("no answer within 1500ms", "timed out",
                    "not run: " + target + " left another check unanswered for 1500ms"));
        }
        assertThat(hung.stream().filter(r -> r.target().equals("hung-redis")))
                .filteredOn(r -> r.reason().startsWith("not run")).hasSize(4); // concurrency 1: one probe, four skipped
        // The healthy results were all delivered before the first hung check gave up.
        int firstHung = indexOfFirst(completionOrder, true);
        int lastHealthy = Math.max(completionOrder.indexOf(healthy.get(0)), completionOrder.indexOf(healthy.get(1)));
        assertThat(lastHealthy).isLessThan(firstHung);
        assertThat(blackHole.connectionsAccepted()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aFailingDependencyIsNamedInTheDependentsReason() throws Exception {
        var closedPort = freePort();
        var config = config("""
                platform: { name: Lab }
                targets:
                  - { name: db, type: tcp, address: "127.0.0.1:%1$d" }
                  - { name: api, type: tcp, address: "127.0.0.1:%1$d", dependsOn: [db] }
                """.formatted(closedPort));

        List<CheckResult> results;
        try (var context = CheckContext.create(clock)) {
            results = new CheckRunner(clock, config.redactor(), config.concurrency()).run(TargetsSection.of(config), context, result -> {});
        }

        assertThat(results.get(0).reason()).startsWith("connection refused").doesNotContain("depends on");
        assertThat(results.get(1).reason()).startsWith("connection refused").endsWith("(depends on db, which is CRIT)");
        assertThat(results).allSatisfy(result -> assertThat(result.startedAt()).isEqualTo(clock.instant()));
    }

    @Test
    void theRunnerNeverHasMoreChecksInFlightThanItsConcurrency() throws Exception {
        var inFlight = new java.util.concurrent.atomic.AtomicInteger();
        var mostInFlight = new java.util.concurrent.atomic.AtomicInteger();
        var counting = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        counting.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        counting.createContext("/", exchange -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(50); // long enough for the runner to try to overlap requests
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        counting.start();
        try {
            var targets = new StringBuilder("platform: { name: Lab }\nrunner: { concurrency: 3 }\ntargets:\n");
            for (int i = 0; i < 20; i++) {
                targets.append("  - { name: api-").append(i).append(", type: http, url: \"http://127.0.0.1:")
                        .append(counting.getAddress().getPort()).append("/\" }\n");
            }
            var config = config(targets.toString());

            List<CheckResult> results;
            try (var context = CheckContext.create(clock)) {
                results = new CheckRunner(clock, config.redactor(), config.concurrency()).run(TargetsSection.of(config), context, r -> {});
            }

            assertThat(results).hasSize(20).allSatisfy(result -> assertThat(result.status()).isEqualTo(Status.OK));
            assertThat(mostInFlight.get()).isBetween(1, 3);
        } finally {
            counting.stop(0);
        }
    }

    @Test
    void aCheckThatCannotParseItsAnswerIsUnknownNotCritical() {
        var target = target("odd", check("parse", () -> Verdict.builder().ok("used " + Long.parseLong("12 MB"))));

        var results = runDirect(target);

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.status()).isEqualTo(Status.UNKNOWN);
            assertThat(result.reason()).isEqualTo("the check could not judge the answer: expected a number, got \"12 MB\"");
        });
    }

    @Test
    void aCheckThatReturnsNothingCostsOnlyItsOwnResult() {
        var target = target("odd", check("broken", () -> null), check("fine", () -> Verdict.builder().ok("all good")));

        var results = runDirect(target);

        assertThat(results).extracting(CheckResult::check, CheckResult::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("broken", Status.UNKNOWN), org.assertj.core.groups.Tuple.tuple("fine", Status.OK));
        assertThat(results.get(0).reason()).startsWith("the check failed inside Tend: ");
    }

    private List<CheckResult> runDirect(dev.tend.target.Target target) {
        try (var context = CheckContext.create(clock)) {
            return new CheckRunner(clock, dev.tend.config.Redactor.none(), 4).run(List.of(target), context, r -> {});
        }
    }

    /** A target built in code, for runner behaviour no real target type can provoke. */
    private static dev.tend.target.Target target(String name, Check... checks) {
        var settings = new dev.tend.target.TargetSettings(name, "test", null, java.time.Duration.ofSeconds(1), 1, List.of());
        return new dev.tend.target.Target() {
            @Override
            public dev.tend.target.TargetSettings settings() {
                return settings;
            }

            @Override
            public List<Check> checks(CheckContext context) {
                return List.of(checks);
            }
        };
    }

    private static Check check(String name, java.util.function.Supplier<Verdict> verdict) {
        return new Check() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Verdict run(java.time.Duration timeout) {
                return verdict.get();
            }
        };
    }

    private static int indexOfFirst(List<CheckResult> results, boolean hung) {
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).target().startsWith("hung-") == hung) return i;
        }
        return -1;
    }

    static int freePort() throws Exception {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static TendConfig config(String yaml) throws Exception {
        return BuiltIn.configLoader(Map.<String, String>of()::get).parse(yaml, Path.of("test.yaml"));
    }
}
