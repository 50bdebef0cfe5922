package dev.tend.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * https load: a platform thread per connection over TLS sockets (TLS over non-blocking channels is
 * SSLEngine work not done yet). As the plain engines do, a kept connection the server closed before
 * any of its answer came (nginx closes one after keepalive_requests, 1,000 by default) is opened
 * again for that request instead of counting it failed, and interim 1xx answers are followed by the
 * final one.
 */
final class TlsLoad {
    private TlsLoad() {}

    static LoadResult run(URI url, int requests, int concurrency, boolean keepAlive, Duration requestTimeout, Duration bound, SSLSocketFactory tls)
            throws InterruptedException {
        var tally = new LoadTally(requests, bound);
        var request = LoadGenerator.requestBytes(url, keepAlive);
        var workers = new Thread[Math.min(concurrency, requests)];
        long start = System.nanoTime();
        for (int w = 0; w < workers.length; w++) {
            // Platform threads, one per connection: a virtual thread waiting for a carrier before it takes its start
            // time would hide that wait from the figures (coordinated omission).
            workers[w] = Thread.ofPlatform().daemon().name("tend-load-" + w).start(() -> {
                var connection = new Connection(url, requestTimeout, tls);
                int index;
                while ((index = tally.take()) >= 0) {
                    long began = System.nanoTime();
                    boolean mayRetry = connection.isOpen();
                    while (true) {
                        try {
                            int status = connection.exchange(request, keepAlive);
                            tally.answered(index, System.nanoTime() - began, status);
                            break;
                        } catch (IOException | RuntimeException e) {
                            boolean serverClosed = connection.wasReused() && connection.untouched();
                            connection.close();
                            if (mayRetry && serverClosed) {
                                mayRetry = false;
                                began = System.nanoTime();
                                continue;
                            }
                            tally.failed(LoadGenerator.describe(e));
                            break;
                        }
                    }
                }
                connection.close();
            });
        }
        for (var worker : workers) worker.join();
        return tally.result(Duration.ofNanos(System.nanoTime() - start));
    }

    /** One worker's connection: opened when needed, kept while the server keeps it. */
    private static final class Connection {
        private final URI url;
        private final Duration timeout;
        private final SSLSocketFactory tls;
        private Socket socket;
        private AnswerReader in;
        private boolean reused;

        Connection(URI url, Duration timeout, SSLSocketFactory tls) {
            this.url = url;
            this.timeout = timeout;
            this.tls = tls;
        }

        boolean isOpen() {
            return socket != null;
        }

        /** Sends the request and reads its final answer (after any interim 1xx but 101); its status. */
        int exchange(byte[] request, boolean keepAlive) throws IOException {
            reused = socket != null;
            if (socket == null) {
                socket = open();
                in = new AnswerReader(socket.getInputStream());
            }
            var out = socket.getOutputStream();
            out.write(request);
            out.flush();
            var answer = in.read();
            while (answer.status() / 100 == 1 && answer.status() != 101) answer = in.read();
            if (!keepAlive || answer.closes()) close();
            return answer.status();
        }

        /** Whether the connection was kept from an earlier request. */
        boolean wasReused() {
            return reused;
        }

        /** Whether nothing of the last answer came (a reader not made yet: nothing did). */
        boolean untouched() {
            return in == null || in.untouched();
        }

        void close() {
            if (socket == null) return;
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection: nothing more to learn
            }
            socket = null;
            in = null;
        }

        private Socket open() throws IOException {
            var plain = new Socket();
            try {
                plain.setTcpNoDelay(true);
                plain.setSoTimeout((int) timeout.toMillis());
                plain.connect(new InetSocketAddress(url.getHost(), LoadGenerator.port(url)), (int) timeout.toMillis());
                var secure = (SSLSocket) tls.createSocket(plain, url.getHost(), LoadGenerator.port(url), true);
                var parameters = new SSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                secure.setSSLParameters(parameters);
                secure.startHandshake();
                return secure;
            } catch (IOException | RuntimeException e) {
                plain.close();
                throw e;
            }
        }
    }
}
