package dev.tend.load;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends N requests at concurrency C, as {@code ab -n N -c C} does, and times each from its start to
 * the last byte of its answer, over plain sockets, with nothing between the clock and the wire (a
 * general HTTP client adds its own queueing and pooling, which a load figure must not include).
 * Without keep-alive every request opens its own connection, as ab does without -k; with it, each
 * connection is kept. Plain http is driven by an event loop ({@link LoadEngines}); https, for
 * now, by a thread per connection.
 */
public final class LoadGenerator {
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private LoadGenerator() {}

    public static LoadResult run(URI url, int requests, int concurrency, boolean keepAlive, Duration requestTimeout, Duration bound)
            throws InterruptedException {
        if ("http".equals(url.getScheme())) {
            WarmUp.run(keepAlive, concurrency);
            return LoadEngines.plainHttp().run(url, requests, concurrency, keepAlive, requestTimeout, bound, requestBytes(url, keepAlive));
        }
        // https: TLS over non-blocking channels is SSLEngine work not done yet; a thread per connection does it.
        var latencies = new long[requests];
        var answered = new boolean[requests];
        var next = new AtomicInteger();
        var statuses = new ConcurrentHashMap<Integer, Integer>();
        var failures = new AtomicInteger();
        var firstFailure = new AtomicReference<String>();
        long deadline = System.nanoTime() + bound.toNanos();
        var request = requestBytes(url, keepAlive);
        var workers = new Thread[Math.min(concurrency, requests)];
        long start = System.nanoTime();
        for (int w = 0; w < workers.length; w++) {
            // Platform threads, one per connection: a virtual thread waiting for a carrier before it takes its start
            // time would hide that wait from the figures (coordinated omission).
            workers[w] = Thread.ofPlatform().daemon().name("tend-load-" + w).start(() -> {
                Socket socket = null;
                AnswerReader in = null;
                int index;
                while ((index = next.getAndIncrement()) < requests && System.nanoTime() < deadline) {
                    long began = System.nanoTime();
                    try {
                        if (socket == null) {
                            socket = open(url, requestTimeout);
                            in = new AnswerReader(socket.getInputStream());
                        }
                        OutputStream out = socket.getOutputStream();
                        out.write(request);
                        out.flush();
                        var answer = in.read();
                        latencies[index] = System.nanoTime() - began;
                        answered[index] = true;
                        statuses.merge(answer.status(), 1, Integer::sum);
                        if (!keepAlive || answer.closes()) {
                            socket.close();
                            socket = null;
                        }
                    } catch (IOException | RuntimeException e) {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(null, describe(e));
                        close(socket);
                        socket = null;
                    }
                }
                close(socket);
            });
        }
        for (var worker : workers) worker.join();
        var wall = java.time.Duration.ofNanos(System.nanoTime() - start);
        int count = 0;
        for (boolean got : answered) if (got) count++;
        var kept = new long[count];
        for (int i = 0, k = 0; i < requests; i++) if (answered[i]) kept[k++] = latencies[i];
        return new LoadResult(kept, wall, Map.copyOf(statuses), failures.get(), firstFailure.get());
    }

    static byte[] requestBytes(URI url, boolean keepAlive) {
        var path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        int port = port(url);
        boolean defaultPort = port == ("https".equals(url.getScheme()) ? 443 : 80);
        var text = "GET " + path + " HTTP/1.1\r\nHost: " + url.getHost() + (defaultPort ? "" : ":" + port) + "\r\n"
                + "User-Agent: tend-http.load\r\nAccept: */*\r\n" + (keepAlive ? "" : "Connection: close\r\n") + "\r\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static int port(URI url) {
        return url.getPort() > 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
    }

    private static Socket open(URI url, Duration timeout) throws IOException {
        var socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout((int) timeout.toMillis());
        socket.connect(new InetSocketAddress(url.getHost(), port(url)), (int) timeout.toMillis());
        if (!"https".equals(url.getScheme())) return socket;
        var tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(socket, url.getHost(), port(url), true);
        var parameters = new SSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        return tls;
    }

    private static void close(Socket socket) {
        if (socket == null) return;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a broken connection: nothing more to learn
        }
    }

    /** An exception as a run reports it: "Connect: Connection refused". */
    static String describe(Exception e) {
        return e.getClass().getSimpleName().replace("Exception", "") + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
