package dev.tend.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tend.testing.FreePorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both engines of plain-http load — the kernel's calls made directly (Linux, JDK 22+) and NIO's
 * channels (the rest) — held to the same behaviour against real sockets: every request answered
 * and counted once, with and without keep-alive; refused, unresolvable, silent, garbled and
 * late-accepting servers reported as such.
 */
class LoadEnginesTest {
    private HttpServer server;
    private final AtomicInteger served = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/ok", exchange -> {
            int number = served.incrementAndGet();
            var body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(number % 5 == 0 ? 503 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/chunked", exchange -> {
            served.incrementAndGet();
            exchange.sendResponseHeaders(200, 0); // chunked
            for (int i = 0; i < 50; i++) exchange.getResponseBody().write("x".repeat(2_000).getBytes(StandardCharsets.US_ASCII));
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    private static LoadEngine engine(String name) {
        if (name.equals("nio")) return EventLoopLoad.ENGINE;
        // Where it must load (see the first test), it does; elsewhere (JDK 21, another system) there is none to try.
        Assumptions.assumeTrue(LoadEngines.kernel().isPresent(), "no kernel engine on this JVM and system");
        return LoadEngines.kernel().get();
    }

    private static LoadResult load(String engine, URI url, int requests, int concurrency, boolean keepAlive, Duration timeout) throws Exception {
        return engine(engine).run(url, requests, concurrency, keepAlive, timeout, Duration.ofSeconds(30), LoadGenerator.requestBytes(url, keepAlive));
    }

    /** After {@code delayMillis}, accepts connections one at a time, reads one request head from each, answers it and closes it. */
    private static void answerEachConnectionOnce(ServerSocket server, long delayMillis, String answer, AtomicInteger accepted) {
        Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(delayMillis);
                while (true) {
                    try (var socket = server.accept()) {
                        accepted.incrementAndGet();
                        var in = socket.getInputStream();
                        var head = new StringBuilder();
                        while (!head.toString().endsWith("\r\n\r\n")) head.append((char) in.read());
                        socket.getOutputStream().write(answer.getBytes(StandardCharsets.US_ASCII));
                    }
                }
            } catch (IOException | InterruptedException e) {
                // closed: the test is over
            }
        });
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void theKernelEngineIsTheOneChosenOnLinuxWithJdk22OrLater() {
        boolean linux = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux");
        boolean arch = System.getProperty("os.arch").matches("amd64|x86_64|aarch64");
        if (linux && arch && Runtime.version().feature() >= 22) {
            assertThat(LoadEngines.kernel()).as("the kernel engine loads here (built with JDK 22+, native access on)").isPresent();
            assertThat(LoadEngines.plainHttp()).isSameAs(LoadEngines.kernel().get());
        } else {
            assertThat(LoadEngines.plainHttp()).isSameAs(EventLoopLoad.ENGINE);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"kernel", "nio"})
    void everyRequestIsAnsweredAndCountedOnceWithAndWithoutKeepAlive(String engine) throws Exception {
        for (boolean keepAlive : new boolean[] {false, true}) {
            served.set(0);
            var result = load(engine, url("/ok"), 500, 7, keepAlive, Duration.ofSeconds(5));

            assertThat(result.answered()).as("keep-alive " + keepAlive).isEqualTo(500);
            assertThat(result.failures()).isZero();
            assertThat(served.get()).isEqualTo(500);
            assertThat(result.statuses()).containsEntry(200, 400).containsEntry(503, 100).hasSize(2);
            assertThat(java.util.Arrays.stream(result.latencies()).min().orElse(0)).isPositive();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"kernel", "nio"})
    void answersLargerThanOneReadAreReadToTheirEnd(String engine) throws Exception {
        var result = load(engine, url("/chunked"), 40, 4, true, Duration.ofSeconds(5));

        assertThat(result.answered()).isEqualTo(40);
        assertThat(result.statuses()).containsEntry(200, 40);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kernel", "nio"})
    void aRefusedConnectionIsAFailureWithItsReason(String engine) throws Exception {
        var result = load(engine, URI.create("http://127.0.0.1:" + FreePorts.next() + "/"), 30, 3, false, Duration.ofSeconds(5));

        assertThat(result.answered()).isZero();
        assertThat(result.failures()).isEqualTo(30);
        assertThat(result.firstFailure()).isEqualTo("Connect: Connection refused");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kernel", "nio"})
    void aHostThatDoesNotResolveFailsEveryRequestWithoutRecursingPerRequest(String engine) throws Exception {
        var result = load(engine, URI.create("http://no-such-host.invalid:8080/"), 100_000, 2, false, Duration.ofSeconds(5));

        assertThat(result.failures()).isEqualTo(100_000);
        assertThat(result.firstFailure()).isEqualTo("Connect: cannot resolve no-such-host.invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kernel", "nio"})
    void aServerThatNeverAnswersTimesOutAndOneThatAnswersGarbageIsNotCountedAsAnswered(String engine) throws Exception {
        try (var silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress()); var garbled = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (true) {
                        var socket = garbled.accept();
                        socket.getOutputStream().write("SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.US_ASCII));
                        socket.close();
                    }
                } catch (IOException e) {
                    // closed: the test is over
                }
            });

            var timedOut = load(engine, URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/"), 2, 2, false, Duration.ofMillis(300));
            var refused = load(engine, URI.create("http://127.0.0.1:" + garbled.getLocalPort() + "/"), 3, 1, false, Duration.ofSeconds(5));

            assertThat(timedOut.failures()).isEqualTo(2);
            assertThat(timedOut.firstFailure()).isEqualTo("no answer within 300 ms");
            assertThat(refused.failures()).isEqualTo(3);
            assertThat(refused.firstFailure()).startsWith("IO: not an HTTP answer: SSH-2.0-OpenSSH_9.2");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"kernel", "nio"})
    void connectionsTheServerAcceptsLateAreWaitedFor(String engine) throws Exception {
        // A backlog of one and nothing accepted for a while: the kernel drops the other connections' SYNs, so their
        // connects are still pending when first asked about (retried a second later), and are then waited for.
        try (var slow = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            answerEachConnectionOnce(slow, 500, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok", new AtomicInteger());

            var result = load(engine, URI.create("http://127.0.0.1:" + slow.getLocalPort() + "/"), 6, 6, false, Duration.ofSeconds(10));

            assertThat(result.answered()).isEqualTo(6);
            assertThat(result.statuses()).containsEntry(200, 6);
            assertThat(result.percentileMillis(100)).as("some waited for the SYN to be sent again").isGreaterThan(500);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"kernel", "nio"})
    void aKeptConnectionTheServerClosesIsOpenedAgainNotCountedAsAFailure(String engine) throws Exception {
        // Answers as if it kept the connection (no "Connection: close"), then closes it: the next request on it meets
        // the close before any answer, which is the server's doing, not the request's.
        var accepted = new AtomicInteger();
        try (var closer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            answerEachConnectionOnce(closer, 0, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", accepted);

            var result = load(engine, URI.create("http://127.0.0.1:" + closer.getLocalPort() + "/"), 60, 3, true, Duration.ofSeconds(5));

            assertThat(result.failures()).as(result.firstFailure()).isZero();
            assertThat(result.answered()).isEqualTo(60);
            assertThat(accepted.get()).as("a connection per answer").isGreaterThanOrEqualTo(60);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"kernel", "nio"})
    void anIpv6LoopbackServerIsReachedOverIpv6(String engine) throws Exception {
        HttpServer six;
        try {
            six = HttpServer.create(new InetSocketAddress("::1", 0), 16);
        } catch (IOException e) {
            Assumptions.abort("no IPv6 on this host's loopback: " + e.getMessage());
            return;
        }
        six.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        six.start();
        try {
            var result = load(engine, URI.create("http://[::1]:" + six.getAddress().getPort() + "/"), 20, 2, false, Duration.ofSeconds(5));

            assertThat(result.answered()).isEqualTo(20);
            assertThat(result.statuses()).containsEntry(204, 20);
        } finally {
            six.stop(0);
        }
    }
}
