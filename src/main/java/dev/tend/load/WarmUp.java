package dev.tend.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Runs the event loop against a throw-away endpoint of its own on 127.0.0.1 before the measured
 * run, so the generator is compiled when the target's figures are taken. Cold, the first
 * thousands of requests went through the JVM's interpreter: against nginx, 50,000 requests had a
 * p99 of 3.3 ms where 200,000 had 1.2 ms (ab: 1 ms at both) — the generator's start-up measured
 * as the server's slowness. The target never sees these requests; a failure here is ignored.
 */
final class WarmUp {
    static final int REQUESTS = 3_000;
    private static final Duration BOUND = Duration.ofSeconds(2);
    private static final byte[] ANSWER = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ANSWER_CLOSING = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
            .getBytes(StandardCharsets.US_ASCII);

    private WarmUp() {}

    /** As many requests as a short run needs to be compiled, the way the real run will send them. */
    static void run(boolean keepAlive, int concurrency) {
        try (var server = new ServerSocket(0, 256, InetAddress.getLoopbackAddress())) {
            var acceptor = Thread.ofPlatform().daemon().name("tend-load-warm-up").start(() -> serve(server));
            var url = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/warm-up");
            LoadEngines.plainHttp().run(url, REQUESTS, Math.max(1, Math.min(concurrency, 8)), keepAlive, Duration.ofSeconds(1), BOUND,
                    LoadGenerator.requestBytes(url, keepAlive));
            server.close();
            acceptor.join(BOUND.toMillis());
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            // only a warm-up: the measured run goes ahead cold
        }
    }

    private static void serve(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                var socket = server.accept();
                Thread.ofVirtual().start(() -> answer(socket));
            } catch (IOException e) {
                return; // closed: the warm-up is over
            }
        }
    }

    /** Answers each request (a head ending in an empty line) until the client closes or asked to. */
    private static void answer(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            var buffer = new byte[4096];
            int filled = 0;
            while (true) {
                int end = headEnd(buffer, filled);
                if (end < 0) {
                    if (filled == buffer.length) return;
                    int read = in.read(buffer, filled, buffer.length - filled);
                    if (read < 0) return;
                    filled += read;
                    continue;
                }
                boolean closing = new String(buffer, 0, end, StandardCharsets.US_ASCII).toLowerCase(java.util.Locale.ROOT).contains("connection: close");
                out.write(closing ? ANSWER_CLOSING : ANSWER);
                out.flush();
                if (closing) return;
                System.arraycopy(buffer, end, buffer, 0, filled - end);
                filled -= end;
            }
        } catch (IOException e) {
            // the client went away: nothing to answer
        }
    }

    /** Where the first request's head ends (after its blank line), or -1. */
    private static int headEnd(byte[] buffer, int filled) {
        for (int index = 3; index < filled; index++) {
            if (buffer[index] == '\n' && buffer[index - 1] == '\r' && buffer[index - 2] == '\n' && buffer[index - 3] == '\r') return index + 1;
        }
        return -1;
    }
}
