package dev.tend.load;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.Locale;

/**
 * The Linux system calls the kernel load engine makes, bound once through the foreign-function API,
 * each capturing errno. Calls that return at once are bound as critical (no thread-state change,
 * a few nanoseconds); epoll_wait, which blocks, is not. Constants are Linux's, the same on x86-64
 * and AArch64; only epoll_event's layout differs (packed on x86-64).
 */
final class Kernel {
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int EINTR = 4;
    static final int EAGAIN = 11;
    static final int EINPROGRESS = 115;
    static final int EPOLLIN = 0x1;
    static final int EPOLLOUT = 0x4;
    static final int EPOLLERR = 0x8;
    static final int EPOLLHUP = 0x10;
    static final int EPOLL_CTL_ADD = 1;
    static final int EPOLL_CTL_MOD = 3;
    private static final int SOCK_STREAM = 1;
    private static final int SOCK_NONBLOCK = 0x800;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int EPOLL_CLOEXEC = 0x80000;
    private static final int MSG_NOSIGNAL = 0x4000;
    private static final int IPPROTO_TCP = 6;
    private static final int TCP_NODELAY = 1;

    private static final boolean X86_64 = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT).matches("amd64|x86_64");
    /** struct epoll_event: a 32-bit mask, then 64 bits of data (packed on x86-64, aligned elsewhere). */
    static final int EVENT_SIZE = X86_64 ? 12 : 16;
    static final int EVENT_DATA = X86_64 ? 4 : 8;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle SOCKET = bind("socket", true, FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle CONNECT = bind("connect", true, FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle SEND = bind("send", true, FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    private static final MethodHandle READ = bind("read", true, FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle CLOSE = bind("close", true, FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle SETSOCKOPT = bind("setsockopt", true, FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle EPOLL_CREATE1 = bind("epoll_create1", true, FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle EPOLL_CTL = bind("epoll_ctl", true, FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
    private static final MethodHandle EPOLL_WAIT = bind("epoll_wait", false, FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    private static final MethodHandle STRERROR = LINKER.downcallHandle(LINKER.defaultLookup().find("strerror").orElseThrow(),
            FunctionDescriptor.of(ADDRESS, JAVA_INT));

    /** Where each call leaves its errno; one per loop, as calls are made by the loop's own thread. */
    private final MemorySegment state;

    Kernel(Arena arena) {
        this.state = arena.allocate(CALL_STATE);
    }

    /** Loading this class binds every call: an engine that cannot is not chosen. */
    static void check() {}

    private static MethodHandle bind(String name, boolean critical, FunctionDescriptor descriptor) {
        var symbol = LINKER.defaultLookup().find(name).orElseThrow(() -> new UnsupportedOperationException("no " + name + " in the C library"));
        return critical
                ? LINKER.downcallHandle(symbol, descriptor, Linker.Option.captureCallState("errno"), Linker.Option.critical(false))
                : LINKER.downcallHandle(symbol, descriptor, Linker.Option.captureCallState("errno"));
    }

    /** sockaddr_in or sockaddr_in6 for the (resolved) address; port and address in network order. */
    static MemorySegment socketAddress(Arena arena, InetSocketAddress address) {
        var ip = address.getAddress();
        boolean six = ip instanceof Inet6Address;
        var segment = arena.allocate(six ? 28 : 16, 4);
        segment.set(JAVA_SHORT, 0, (short) (six ? AF_INET6 : AF_INET));
        segment.set(JAVA_BYTE, 2, (byte) (address.getPort() >>> 8));
        segment.set(JAVA_BYTE, 3, (byte) address.getPort());
        MemorySegment.copy(MemorySegment.ofArray(ip.getAddress()), 0, segment, six ? 8 : 4, six ? 16 : 4);
        if (six) segment.set(JAVA_INT, 24, ((Inet6Address) ip).getScopeId());
        return segment;
    }

    int errno() {
        return (int) ERRNO.get(state, 0L);
    }

    /** The last call's error as the C library words it ("Connection refused"). */
    String lastError() {
        return error(errno());
    }

    String error(int errno) {
        try {
            return ((MemorySegment) STRERROR.invokeExact(errno)).reinterpret(256).getString(0);
        } catch (Throwable e) {
            return "errno " + errno;
        }
    }

    int socket(int family) {
        try {
            return (int) SOCKET.invokeExact(state, family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    int connect(int fd, MemorySegment address) {
        try {
            return (int) CONNECT.invokeExact(state, fd, address, (int) address.byteSize());
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** send without SIGPIPE: a peer that has gone is an error to report, not a signal. */
    long send(int fd, MemorySegment bytes, long length) {
        try {
            return (long) SEND.invokeExact(state, fd, bytes, length, MSG_NOSIGNAL);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    long read(int fd, MemorySegment into, long length) {
        try {
            return (long) READ.invokeExact(state, fd, into, length);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    void close(int fd) {
        try {
            int ignored = (int) CLOSE.invokeExact(state, fd);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    void noDelay(int fd, MemorySegment one) {
        try {
            int ignored = (int) SETSOCKOPT.invokeExact(state, fd, IPPROTO_TCP, TCP_NODELAY, one, (int) one.byteSize());
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    int epollCreate() {
        try {
            return (int) EPOLL_CREATE1.invokeExact(state, EPOLL_CLOEXEC);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    int epollControl(int epoll, int operation, int fd, MemorySegment event) {
        try {
            return (int) EPOLL_CTL.invokeExact(state, epoll, operation, fd, event);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    int epollWait(int epoll, MemorySegment events, int max, long millis) {
        try {
            return (int) EPOLL_WAIT.invokeExact(state, epoll, events, max, (int) millis);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
