package dev.tend.load;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The plain-http load on Linux: the event loop of {@link EventLoopLoad}, with the kernel's own
 * calls made directly (epoll, non-blocking sockets) through the JDK's foreign-function API. A new
 * connection costs six system calls — socket, connect, send, epoll_ctl, read, close — where NIO's
 * channels make thirteen (ab makes thirteen too), and a kept one two (send, read) plus a share of
 * epoll_wait. Each request is timed from its start (the socket, when it opens one) to the last
 * byte of its answer; the answer is parsed by the same {@link ResponseParser}.
 */
final class KernelLoad implements LoadEngine {
    private static final long WAIT_MILLIS = 50;
    private static final long SWEEP_NANOS = 20_000_000;
    private static final int EVENTS = 256;
    private static final int BUFFER = 64 * 1024;

    public KernelLoad() {
        Kernel.check(); // fails here, where the engine is chosen, if the calls cannot be bound
    }

    @Override
    public LoadResult run(URI url, int requests, int concurrency, boolean keepAlive, Duration requestTimeout, Duration bound, byte[] request)
            throws InterruptedException {
        var run = new Run(url, requests, keepAlive, requestTimeout, bound, request);
        return run.tally.drive(concurrency, run::loop);
    }

    /** One connection of a loop: its socket (kept between requests with keep-alive), the request in flight and its answer so far. */
    private static final class Slot {
        final int number;
        final ResponseParser parser = new ResponseParser();
        int fd = -1;
        /** Which socket of this slot an event is about: a closed socket's late event is not the new one's. */
        int generation;
        boolean registered;
        int interest;
        boolean connecting;
        /** The request in flight went out on a kept connection (which the server may have closed meanwhile). */
        boolean reused;
        int index = -1;
        long started;
        int written;

        Slot(int number) {
            this.number = number;
        }
    }

    private static final class Run {
        final boolean keepAlive;
        final long timeoutNanos;
        final byte[] request;
        final InetSocketAddress address;
        final LoadTally tally;

        Run(URI url, int requests, boolean keepAlive, Duration requestTimeout, Duration bound, byte[] request) {
            this.keepAlive = keepAlive;
            this.timeoutNanos = requestTimeout.toNanos();
            this.request = request;
            this.address = new InetSocketAddress(url.getHost(), url.getPort() > 0 ? url.getPort() : 80);
            this.tally = new LoadTally(requests, bound);
        }

        void loop(int connections) {
            try (var arena = Arena.ofConfined()) {
                new Loop(this, arena).run(connections);
            }
        }
    }

    /** One event loop: its epoll instance, its slots and its native buffers, used by its own thread only. */
    private static final class Loop {
        private final Run run;
        private final Kernel kernel;
        private final MemorySegment socketAddress;
        private final int family;
        private final MemorySegment out;
        private final MemorySegment in;
        /** The answer's bytes copied out in one go, parsed from the heap (reused: a request allocates nothing). */
        private final ByteBuffer copy = ByteBuffer.allocate(BUFFER);
        private final MemorySegment events;
        private final MemorySegment event;
        private final MemorySegment one;
        private int epoll = -1;

        Loop(Run run, Arena arena) {
            this.run = run;
            this.kernel = new Kernel(arena);
            var address = run.address.getAddress();
            this.family = address instanceof Inet6Address ? Kernel.AF_INET6 : Kernel.AF_INET;
            this.socketAddress = address == null ? null : Kernel.socketAddress(arena, run.address);
            this.out = arena.allocate(run.request.length).copyFrom(MemorySegment.ofArray(run.request));
            this.in = arena.allocate(BUFFER);
            this.events = arena.allocate((long) Kernel.EVENT_SIZE * EVENTS, 8);
            this.event = arena.allocate(Kernel.EVENT_SIZE, 8);
            this.one = arena.allocate(JAVA_INT);
            one.set(JAVA_INT, 0, 1);
        }

        void run(int connections) {
            epoll = kernel.epollCreate();
            if (epoll < 0) {
                run.tally.loopBroke("epoll_create1: " + kernel.lastError(), 0);
                return;
            }
            var slots = new ArrayList<Slot>();
            try {
                for (int number = 0; number < connections; number++) {
                    var slot = new Slot(number);
                    slots.add(slot);
                    begin(slot);
                }
                long nextSweep = 0;
                while (busy(slots)) {
                    int ready = kernel.epollWait(epoll, events, EVENTS, WAIT_MILLIS);
                    if (ready < 0 && kernel.errno() != Kernel.EINTR) {
                        var why = "epoll_wait: " + kernel.lastError();
                        int inFlight = 0;
                        for (var slot : slots) {
                            if (slot.index >= 0) inFlight++; // sent, and now never answered
                            slot.index = -1;
                        }
                        run.tally.loopBroke(why, inFlight);
                        return;
                    }
                    for (int at = 0; at < ready; at++) {
                        long offset = (long) at * Kernel.EVENT_SIZE;
                        int bits = events.get(JAVA_INT_UNALIGNED, offset);
                        long data = events.get(JAVA_LONG_UNALIGNED, offset + Kernel.EVENT_DATA);
                        var slot = slots.get((int) data);
                        if (slot.fd >= 0 && slot.generation == (int) (data >>> 32)) handle(slot, bits);
                    }
                    long now = System.nanoTime();
                    if (now < nextSweep) continue;
                    nextSweep = now + SWEEP_NANOS; // timeouts are looked for a few times a second, not after every event
                    for (var slot : slots) {
                        if (slot.index >= 0 && run.tally.pastBound(now)) {
                            closeSocket(slot); // the run's bound: what is in flight is not counted
                            slot.index = -1;
                        } else if (slot.index >= 0 && now - slot.started > run.timeoutNanos) {
                            failAndGoOn(slot, LoadTally.noAnswerWithin(run.timeoutNanos));
                        }
                    }
                }
            } finally {
                for (var slot : slots) closeSocket(slot);
                kernel.close(epoll);
            }
        }

        private static boolean busy(List<Slot> slots) {
            for (var slot : slots) {
                if (slot.index >= 0) return true;
            }
            return false;
        }

        private void handle(Slot slot, int bits) {
            if (slot.written < run.request.length) {
                // Connecting, or the request not all out: the socket said it can take more (or has an error to tell).
                var why = send(slot);
                if (why != null) againOrFail(slot, why);
                return;
            }
            if ((bits & (Kernel.EPOLLIN | Kernel.EPOLLERR | Kernel.EPOLLHUP)) != 0) receive(slot);
        }

        /** Starts the next request on this slot, or retires it when none is left; a request that cannot start is a failure and the next is tried. */
        private void begin(Slot slot) {
            while ((slot.index = run.tally.take()) >= 0) {
                if (attempt(slot)) return;
            }
            closeSocket(slot);
        }

        /**
         * Sends the slot's request; false when it could not (counted as failed). A kept connection
         * the server has closed in the meantime is not a failure of the request: it goes once more,
         * on a new connection, as ab and wrk do.
         */
        private boolean attempt(Slot slot) {
            boolean mayRetry = slot.fd >= 0;
            while (true) {
                slot.reused = slot.fd >= 0;
                slot.started = System.nanoTime();
                slot.written = 0;
                slot.parser.reset();
                var why = slot.fd >= 0 ? null : open(slot);
                if (why == null) why = send(slot);
                if (why == null) return true;
                closeSocket(slot);
                if (!mayRetry) {
                    run.tally.failed(why);
                    return false;
                }
                mayRetry = false;
            }
        }

        /** A kept connection that broke before any of its answer came was closed by the server: send again; else a failure. */
        private void againOrFail(Slot slot, String why) {
            if (slot.reused && slot.parser.untouched()) {
                closeSocket(slot);
                if (!attempt(slot)) begin(slot);
            } else {
                failAndGoOn(slot, why);
            }
        }

        private void failAndGoOn(Slot slot, String why) {
            run.tally.failed(why);
            closeSocket(slot);
            begin(slot);
        }

        /** A non-blocking socket and its connect; null when under way, else why not. */
        private String open(Slot slot) {
            if (socketAddress == null) return "Connect: cannot resolve " + run.address.getHostString();
            int fd = kernel.socket(family);
            if (fd < 0) return "Socket: " + kernel.lastError();
            slot.fd = fd;
            slot.generation++;
            slot.registered = false;
            slot.connecting = true;
            // A request goes out in one send while nothing else is unacknowledged: Nagle never holds it back. One
            // connection per request would pay a system call per request for the option; a kept one pays it once.
            if (run.keepAlive) kernel.noDelay(fd, one);
            if (kernel.connect(fd, socketAddress) < 0 && kernel.errno() != Kernel.EINPROGRESS) return "Connect: " + kernel.lastError();
            return null;
        }

        /**
         * Sends what the socket takes of the request, then waits for the answer or to send the rest.
         * A connection still being made takes nothing yet (EAGAIN) and is waited for the same way: a
         * near server's is usually made by the time connect returns, so its request goes at once.
         */
        private String send(Slot slot) {
            int length = run.request.length;
            long sent = kernel.send(slot.fd, slot.written == 0 ? out : out.asSlice(slot.written), length - slot.written);
            if (sent < 0) {
                int errno = kernel.errno();
                if (errno != Kernel.EAGAIN && errno != Kernel.EINTR) return (slot.connecting ? "Connect: " : "Socket: ") + kernel.error(errno);
            } else {
                slot.connecting = false;
                slot.written += (int) sent;
            }
            return want(slot, slot.written < length ? Kernel.EPOLLOUT : Kernel.EPOLLIN);
        }

        private String want(Slot slot, int interest) {
            if (slot.registered && slot.interest == interest) return null;
            event.set(JAVA_INT_UNALIGNED, 0, interest);
            event.set(JAVA_LONG_UNALIGNED, Kernel.EVENT_DATA, ((long) slot.generation << 32) | slot.number);
            if (kernel.epollControl(epoll, slot.registered ? Kernel.EPOLL_CTL_MOD : Kernel.EPOLL_CTL_ADD, slot.fd, event) < 0) {
                return "Socket: epoll_ctl: " + kernel.lastError();
            }
            slot.registered = true;
            slot.interest = interest;
            return null;
        }

        private void receive(Slot slot) {
            long read = kernel.read(slot.fd, in, BUFFER);
            if (read < 0) {
                int errno = kernel.errno();
                if (errno != Kernel.EAGAIN && errno != Kernel.EINTR) againOrFail(slot, "Socket: " + kernel.error(errno));
                return;
            }
            if (read == 0 && slot.reused && slot.parser.untouched()) {
                againOrFail(slot, null); // the server had closed the kept connection: not a failure
                return;
            }
            boolean complete;
            try {
                if (read == 0) {
                    complete = slot.parser.end();
                    closeSocket(slot);
                } else {
                    MemorySegment.copy(in, JAVA_BYTE, 0, copy.array(), 0, (int) read);
                    complete = slot.parser.feed(copy.clear().limit((int) read));
                }
            } catch (IOException e) {
                failAndGoOn(slot, "IO: " + e.getMessage());
                return;
            }
            if (complete) {
                run.tally.answered(slot.index, System.nanoTime() - slot.started, slot.parser.status());
                if (!run.keepAlive || slot.parser.closes()) closeSocket(slot);
                begin(slot);
            }
        }

        /** Closing the socket also takes it out of the epoll set. */
        private void closeSocket(Slot slot) {
            if (slot.fd < 0) return;
            kernel.close(slot.fd);
            slot.fd = -1;
            slot.registered = false;
        }
    }
}
