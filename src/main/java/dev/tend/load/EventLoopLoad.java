package dev.tend.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The load of plain http targets, driven like ab and wrk: every connection from an event loop
 * (one per two cores), non-blocking, each request timed from its start (the connect, when it opens
 * one) to the last byte of its answer. Against a fast server on few cores, a thread per connection
 * spent the CPU the server needed on switching threads (0.57× ab's requests/s); a loop does not.
 */
final class EventLoopLoad {
    static final LoadEngine ENGINE = EventLoopLoad::run;
    private static final long SELECT_MILLIS = 50;
    private static final long SWEEP_NANOS = 20_000_000;

    private final boolean keepAlive;
    private final long timeoutNanos;
    private final byte[] request;
    private final InetSocketAddress address;
    private final StandardProtocolFamily family;
    private final LoadTally tally;

    private EventLoopLoad(URI url, int requests, boolean keepAlive, Duration requestTimeout, Duration bound, byte[] request) {
        this.keepAlive = keepAlive;
        this.timeoutNanos = requestTimeout.toNanos();
        this.request = request;
        this.address = new InetSocketAddress(url.getHost(), url.getPort() > 0 ? url.getPort() : 80);
        this.family = address.getAddress() instanceof java.net.Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
        this.tally = new LoadTally(requests, bound);
    }

    static LoadResult run(URI url, int requests, int concurrency, boolean keepAlive, Duration requestTimeout, Duration bound, byte[] request)
            throws InterruptedException {
        var load = new EventLoopLoad(url, requests, keepAlive, requestTimeout, bound, request);
        return load.tally.drive(concurrency, load::loop);
    }

    /** One connection: its channel (kept between requests with keep-alive), the request in flight and its answer so far. */
    private final class Connection {
        /** Channels of this connection's loop to close once the selector has let go of them. */
        final List<SocketChannel> closing;
        SocketChannel channel;
        SelectionKey key;
        /** The request in flight went out on a kept connection (which the server may have closed meanwhile). */
        boolean reused;
        int index = -1;
        long started;
        /** Direct: a heap buffer is copied into a temporary direct one on every write. */
        final ByteBuffer out = ByteBuffer.allocateDirect(request.length).put(request).flip();
        final ResponseParser parser = new ResponseParser();

        Connection(List<SocketChannel> closing) {
            this.closing = closing;
        }
    }

    private void loop(int connections) {
        var all = new ArrayList<Connection>();
        var closing = new ArrayList<SocketChannel>();
        try (var selector = Selector.open()) {
            // Read into a direct buffer (a heap one is read through a temporary direct one), then parsed from a heap copy:
            // one bulk copy costs less than reading a direct buffer a byte at a time.
            var buffer = ByteBuffer.allocateDirect(64 * 1024);
            var bytes = ByteBuffer.allocate(buffer.capacity());
            for (int i = 0; i < connections; i++) {
                var connection = new Connection(closing);
                all.add(connection);
                begin(connection, selector);
            }
            // Ready keys handed straight to the handler: the selected-key set allocated per event.
            java.util.function.Consumer<SelectionKey> onReady = key -> {
                var connection = (Connection) key.attachment();
                try {
                    handle(key, connection, buffer, bytes, selector);
                } catch (IOException | RuntimeException e) {
                    againOrFail(connection, LoadGenerator.describe(e), selector);
                }
            };
            long nextSweep = 0;
            while (busy(all)) {
                int cancelled = closing.size();
                selector.select(onReady, SELECT_MILLIS);
                // Keys cancelled before this round are deregistered now (those cancelled while it handed out ready keys,
                // at the next): their channels close with one call.
                closeFirst(closing, cancelled);
                long now = System.nanoTime();
                if (now < nextSweep) continue;
                nextSweep = now + SWEEP_NANOS; // timeouts are looked for a few times a second, not after every event
                for (var connection : all) {
                    if (connection.index >= 0 && tally.pastBound(now)) {
                        close(connection); // the run's bound: what is in flight is not counted
                        connection.index = -1;
                    } else if (connection.index >= 0 && now - connection.started > timeoutNanos) {
                        fail(connection, LoadTally.noAnswerWithin(timeoutNanos), selector);
                    }
                }
            }
            selector.selectNow();
            closeFirst(closing, closing.size());
        } catch (IOException e) {
            int inFlight = 0;
            for (var connection : all) {
                if (connection.index >= 0) inFlight++;
                connection.index = -1;
            }
            tally.loopBroke(e.getMessage(), inFlight);
        } finally {
            for (var connection : all) {
                if (connection.channel != null) closeQuietly(connection.channel);
            }
            for (var channel : closing) closeQuietly(channel);
        }
    }

    private static boolean busy(List<Connection> all) {
        for (var connection : all) {
            if (connection.index >= 0) return true;
        }
        return false;
    }

    private void handle(SelectionKey key, Connection connection, ByteBuffer buffer, ByteBuffer bytes, Selector selector) throws IOException {
        if (key.isConnectable()) {
            connection.channel.finishConnect();
            send(connection); // connected means writable: no second round for it
        } else if (key.isWritable()) {
            send(connection);
        }
        if (key.isReadable()) {
            buffer.clear();
            int read = connection.channel.read(buffer);
            boolean complete;
            if (read < 0) {
                if (connection.reused && connection.parser.untouched()) {
                    sendAgain(connection, selector); // the server had closed the kept connection: not a failure
                    return;
                }
                complete = connection.parser.end();
                close(connection);
            } else {
                buffer.flip();
                bytes.clear();
                bytes.put(buffer).flip();
                complete = connection.parser.feed(bytes);
            }
            if (complete) finish(connection, selector);
        }
    }

    /** Writes what the socket takes of the request; waits to write the rest, or for the answer. */
    private static void send(Connection connection) throws IOException {
        connection.channel.write(connection.out);
        int wanted = connection.out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ;
        if (connection.key.interestOps() != wanted) connection.key.interestOps(wanted);
    }

    private void finish(Connection connection, Selector selector) throws IOException {
        tally.answered(connection.index, System.nanoTime() - connection.started, connection.parser.status());
        if (!keepAlive || connection.parser.closes()) close(connection);
        begin(connection, selector);
    }

    /**
     * Starts the next request on this connection, or retires it when none is left. A request that
     * cannot start is a failure and the next one is tried here, in a loop: a failure per request
     * (no file descriptors left, say) must not recurse once per request.
     */
    private void begin(Connection connection, Selector selector) {
        while ((connection.index = tally.take()) >= 0) {
            if (attempt(connection, selector)) return;
        }
        close(connection);
    }

    /**
     * Sends the connection's request; false when it could not (counted as failed). A kept connection
     * the server has closed in the meantime is not a failure of the request: it goes once more, on
     * a new connection, as ab and wrk do.
     */
    private boolean attempt(Connection connection, Selector selector) {
        boolean mayRetry = connection.channel != null;
        while (true) {
            connection.reused = connection.channel != null;
            connection.started = System.nanoTime();
            connection.out.rewind();
            connection.parser.reset();
            try {
                start(connection, selector);
                return true;
            } catch (IOException | RuntimeException e) {
                close(connection);
                if (!mayRetry) {
                    tally.failed(LoadGenerator.describe(e));
                    return false;
                }
                mayRetry = false;
            }
        }
    }

    /** The request in flight again, on a new connection; the next one if that fails. */
    private void sendAgain(Connection connection, Selector selector) {
        close(connection);
        if (!attempt(connection, selector)) begin(connection, selector);
    }

    /** A kept connection that broke before any of its answer came was closed by the server: send again; else a failure. */
    private void againOrFail(Connection connection, String why, Selector selector) {
        if (connection.reused && connection.parser.untouched()) {
            sendAgain(connection, selector);
        } else {
            fail(connection, why, selector);
        }
    }

    private void start(Connection connection, Selector selector) throws IOException {
        if (connection.channel != null) {
            // A kept connection is all but always writable: send now instead of asking the
            // selector first, which cost a wake-up and two interest changes per request.
            send(connection);
            return;
        }
        if (address.isUnresolved()) throw new java.net.ConnectException("cannot resolve " + address.getHostString());
        // The address's own family: a dual-stack socket costs a system call per connection (IPV6_V6ONLY off).
        var channel = SocketChannel.open(family);
        connection.channel = channel;
        channel.configureBlocking(false);
        // A request goes out in one write while nothing else is unacknowledged: Nagle never holds it back. One
        // connection per request would pay a system call per request for the option; a kept one pays it once.
        if (keepAlive) channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        // A connection to a near server is often complete by the time connect returns: finishing it at once
        // sends the request without a round of the selector and a change of interest for the connect.
        if (channel.connect(address) || channel.finishConnect()) {
            channel.write(connection.out);
            connection.key = channel.register(selector, connection.out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ, connection);
        } else {
            connection.key = channel.register(selector, SelectionKey.OP_CONNECT, connection);
        }
    }

    private void fail(Connection connection, String why, Selector selector) {
        tally.failed(why);
        close(connection);
        begin(connection, selector);
    }

    /**
     * Closes the connection's channel. One still registered with the selector is only shut down by
     * close (two more system calls) and closed once the selector has deregistered it; so its key is
     * cancelled and the channel closed after the selector's next round, with one call.
     */
    private static void close(Connection connection) {
        if (connection.channel == null) return;
        if (connection.key != null) {
            connection.key.cancel();
            connection.closing.add(connection.channel);
        } else {
            closeQuietly(connection.channel);
        }
        connection.channel = null;
        connection.key = null;
    }

    private static void closeFirst(List<SocketChannel> channels, int count) {
        var first = channels.subList(0, count);
        for (var channel : first) closeQuietly(channel);
        first.clear();
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // a broken connection closes as it can
        }
    }
}
