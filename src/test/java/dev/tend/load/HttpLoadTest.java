package dev.tend.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tend.testing.FreePorts;
import dev.tend.testing.TendCli;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * http.load against ab (apache2-utils) on the same endpoint in the same run. The endpoint answers
 * after a fixed 40 ms, so what both tools must report is known: the comparison checks that Tend
 * measures without distorting, not how fast this machine is.
 */
class HttpLoadTest {
    private static final int DELAY_MILLIS = 40;
    @TempDir
    Path dir;
    private HttpServer server;
    private final AtomicInteger delay = new AtomicInteger(DELAY_MILLIS);
    private final AtomicInteger served = new AtomicInteger();

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.createContext("/api/datasets", exchange -> {
            try {
                Thread.sleep(delay.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            served.incrementAndGet();
            var body = "{\"datasets\": []}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/broken", exchange -> {
            exchange.sendResponseHeaders(served.incrementAndGet() % 4 == 0 ? 500 : 200, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private Path config(String url) throws Exception {
        return Files.writeString(dir.resolve("tend.yaml"), """
                platform: { name: test }
                store: { path: %s }
                targets:
                  - { name: api, type: http, url: "%s" }
                """.formatted(dir.resolve("tend.db"), url));
    }

    private static double abFigure(String output, String regex) {
        var matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(output);
        assertThat(matcher.find()).as(regex + " in ab's output:\n" + output).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    private static String ab(String... args) throws Exception {
        var command = new java.util.ArrayList<String>();
        command.add("ab");
        command.addAll(java.util.List.of(args));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static double figure(JsonNode json, String name) {
        return json.get("after").get(name).get("value").asDouble();
    }

    @Test
    void itsFiguresAreWithinTenPercentOfAbsOnTheSameEndpoint() throws Exception {
        var config = config(url("/api/datasets"));
        // Both tools meet a warm server (its JIT and thread pool), not the first to run a cold one.
        ab("-n", "500", "-c", "10", url("/api/datasets"));
        TendCli.run(Clock.systemUTC(), config, "run", "http.load", "api", "--requests", "500", "--concurrency", "10");
        for (boolean keepAlive : new boolean[] {false, true}) {
            // A busy machine (a build, another suite) puts noise in both tools' tails: each pair is measured up to
            // three times, back to back, and judged on the first pair that agrees, or else the last one.
            java.util.List<String> disagreements = java.util.List.of();
            for (int attempt = 0; attempt < 3; attempt++) {
                disagreements = comparePair(config, keepAlive);
                if (disagreements.isEmpty()) break;
            }
            assertThat(disagreements).as("keep-alive " + keepAlive + ": figures of Tend and ab more than 10% apart").isEmpty();
        }
    }

    /** One ab run and one Tend run of the same load; what differs by more than 10% (empty when they agree). */
    private java.util.List<String> comparePair(Path config, boolean keepAlive) throws Exception {
        var abOutput = keepAlive ? ab("-k", "-n", "300", "-c", "10", url("/api/datasets")) : ab("-n", "300", "-c", "10", url("/api/datasets"));
        var run = keepAlive ? TendCli.run(Clock.systemUTC(), config, "run", "http.load", "api", "--requests", "300", "--concurrency", "10", "--keep-alive", "--json")
                : TendCli.run(Clock.systemUTC(), config, "run", "http.load", "api", "--requests", "300", "--concurrency", "10", "--json");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        var json = run.json();
        assertThat(figure(json, "p50")).isGreaterThanOrEqualTo(DELAY_MILLIS);
        assertThat(figure(json, "errors")).isZero();
        var disagreements = new java.util.ArrayList<String>();
        // ab prints whole milliseconds, truncated: its percentiles are compared with the same rounding.
        compare(disagreements, "req/s", figure(json, "requests_per_second"), abFigure(abOutput, "^Requests per second:\\s+([\\d.]+)"));
        compare(disagreements, "p50", Math.floor(figure(json, "p50")), abFigure(abOutput, "^\\s+50%\\s+(\\d+)"));
        compare(disagreements, "p95", Math.floor(figure(json, "p95")), abFigure(abOutput, "^\\s+95%\\s+(\\d+)"));
        return disagreements;
    }

    private static void compare(java.util.List<String> disagreements, String what, double tend, double ab) {
        if (Math.abs(tend - ab) > ab * 0.10) disagreements.add(what + ": Tend " + tend + ", ab " + ab);
    }

    @Test
    void errorsFailTheRunWithTheirCount() throws Exception {
        var config = config(url("/broken"));

        var run = TendCli.run(Clock.systemUTC(), config, "run", "http.load", "api", "--requests", "100", "--concurrency", "4");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED — 25 of 100 requests failed").contains("statuses: {200=75, 500=25}");
    }

    @Test
    void aDeadEndpointFailsWithTheReason() throws Exception {
        var config = config("http://127.0.0.1:" + FreePorts.next() + "/");

        var run = TendCli.run(Clock.systemUTC(), config, "run", "http.load", "api", "--requests", "20", "--concurrency", "2");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED — no request was answered (Connect: Connection refused)").contains("no answer: 20");
    }

    @Test
    void theTargetGetsExactlyTheRequestsAskedForTheGeneratorsWarmUpGoesElsewhere() throws Exception {
        var config = config(url("/api/datasets"));
        delay.set(0);
        for (var mode : new String[] {"--keep-alive", "--json"}) {
            served.set(0);
            var run = TendCli.run(Clock.systemUTC(), config, "run", "http.load", "api", "--requests", "37", "--concurrency", "5", mode);
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(served.get()).as(mode).isEqualTo(37);
        }
        assertThat(WarmUp.REQUESTS).isGreaterThan(37);
    }

    @Test
    void aRunMuchSlowerThanThePreviousOneIsARegression() throws Exception {
        var config = config(url("/api/datasets"));
        delay.set(0);
        var planned = TendCli.run(Clock.systemUTC(), config, "run", "http.load", "api", "--requests", "50", "--dry-run");
        assertThat(planned.out()).contains("would send 50 requests at concurrency 10 to " + url("/api/datasets"));
        assertThat(served.get()).isZero();

        var fast = TendCli.run(Clock.systemUTC(), config, "run", "http.load", "api", "--requests", "50");
        assertThat(fast.exitCode()).as(fast.out()).isZero();
        delay.set(DELAY_MILLIS * 3);
        var slow = TendCli.run(Clock.systemUTC(), config, "run", "http.load", "api", "--requests", "50");

        assertThat(slow.exitCode()).isEqualTo(1);
        assertThat(slow.out()).contains("FAILED — slower than before beyond the 50% margin: p95 ");
        var other = TendCli.run(Clock.systemUTC(), config, "run", "http.load", "api", "--requests", "60");
        assertThat(other.exitCode()).as("a different load is not compared").isZero();
    }
}
