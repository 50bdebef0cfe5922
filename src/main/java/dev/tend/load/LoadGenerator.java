package dev.tend.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
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
 * the last byte of its answer. It speaks HTTP/1.1 over plain sockets, with nothing between the
 * clock and the wire (a general HTTP client adds its own queueing and pooling, which a load
 * figure must not include). Without keep-alive every request opens its own connection, as ab
 * does without -k; with it, each of the C workers keeps one connection.
 */
public final class LoadGenerator {
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private LoadGenerator() {}

    public static LoadResult run(URI url, int requests, int concurrency, boolean keepAlive, Duration requestTimeout, Duration bound)
            throws InterruptedException {
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
            workers[w] = Thread.ofPlatform().daemon().name("tend-load-" + w).start(() -> {
                Socket socket = null;
                InputStream in = null;
                int index;
                while ((index = next.getAndIncrement()) < requests && System.nanoTime() < deadline) {
                    long began = System.nanoTime();
                    try {
                        if (socket == null) {
                            socket = open(url, requestTimeout);
                            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                        }
                        OutputStream out = socket.getOutputStream();
                        out.write(request);
                        out.flush();
                        var answer = readAnswer(in);
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

    private static byte[] requestBytes(URI url, boolean keepAlive) {
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

    private record Answer(int status, boolean closes) {}

    /** Reads one answer to its end: headers, then the body by Content-Length, chunks, or until the server closes. */
    private static Answer readAnswer(InputStream in) throws IOException {
        var statusLine = line(in);
        if (statusLine == null) throw new IOException("the server closed the connection without answering");
        var parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) throw new IOException("not an HTTP answer: " + statusLine);
        int status = Integer.parseInt(parts[1]);
        long length = -1;
        boolean chunked = false;
        boolean closes = parts[0].equals("HTTP/1.0");
        int headerBytes = 0;
        String header;
        while ((header = line(in)) != null && !header.isEmpty()) {
            headerBytes += header.length();
            if (headerBytes > MAX_HEADER_BYTES) throw new IOException("headers over " + MAX_HEADER_BYTES + " bytes");
            int colon = header.indexOf(':');
            if (colon < 0) continue;
            var name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            var value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> closes = value.contains("close") || (closes && !value.contains("keep-alive"));
                default -> { }
            }
        }
        if (status == 204 || status == 304 || status / 100 == 1) return new Answer(status, closes);
        if (chunked) {
            while (true) {
                var size = line(in);
                if (size == null) throw new IOException("the answer ended inside a chunk");
                int semicolon = size.indexOf(';');
                long chunk = Long.parseLong((semicolon >= 0 ? size.substring(0, semicolon) : size).trim(), 16);
                if (chunk == 0) {
                    while ((header = line(in)) != null && !header.isEmpty()) { } // trailers
                    return new Answer(status, closes);
                }
                skip(in, chunk);
                line(in);
            }
        }
        if (length >= 0) {
            skip(in, length);
            return new Answer(status, closes);
        }
        while (in.read() >= 0) { } // until the server closes: the body has no stated length
        return new Answer(status, true);
    }

    private static void skip(InputStream in, long count) throws IOException {
        long left = count;
        var buffer = new byte[8192];
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) throw new IOException("the answer ended " + left + " bytes short");
            left -= read;
        }
    }

    /** One CRLF-terminated line without its terminator; null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                var text = bytes.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            if (bytes.size() > MAX_HEADER_BYTES) throw new IOException("a line over " + MAX_HEADER_BYTES + " bytes");
            bytes.write(b);
        }
        return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private static void close(Socket socket) {
        if (socket == null) return;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a broken connection: nothing more to learn
        }
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName().replace("Exception", "") + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
