package dev.tend.check;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Turns the exceptions of an unreachable target into the sentence an on-call engineer wants. */
public final class Failures {
    private Failures() {}

    public static String describe(Throwable failure) {
        // Drivers wrap the network error (as a cause, or a suppressed exception per address
        // tried); the first recognisable one says more than the wrapper's message.
        return recognised(failure).orElseGet(() -> failure.getMessage() == null
                ? failure.getClass().getSimpleName()
                : Text.firstLine(failure.getMessage()));
    }

    /**
     * True when the failure is Tend's (an answer it could not parse, a bug) rather than the target's:
     * such results are UNKNOWN, not CRIT, so nobody is paged for a component that may be fine.
     */
    public static boolean isOwnFault(Throwable failure) {
        return recognised(failure).isEmpty() && (failure instanceof NullPointerException
                || failure instanceof ClassCastException || failure instanceof IndexOutOfBoundsException
                || failure instanceof NumberFormatException || failure instanceof ArithmeticException
                || failure instanceof UnsupportedOperationException || failure instanceof LinkageError
                || failure instanceof tools.jackson.core.JacksonException || failure instanceof UnexpectedAnswerException);
    }

    /** True when the target took too long to answer (a driver's own read timeout, say). */
    public static boolean isTimeout(Throwable failure) {
        return causes(failure).stream().anyMatch(cause -> cause instanceof SocketTimeoutException
                || cause instanceof HttpTimeoutException || cause instanceof TimeoutException);
    }

    /** The failure, its causes and what each suppressed, breadth first. */
    private static java.util.List<Throwable> causes(Throwable failure) {
        var all = new java.util.ArrayList<Throwable>();
        var queue = new ArrayDeque<Throwable>();
        var seen = new HashSet<Throwable>();
        queue.add(failure);
        while (!queue.isEmpty()) {
            var current = queue.poll();
            if (!seen.add(current)) continue;
            all.add(current);
            if (current.getCause() != null) queue.add(current.getCause());
            queue.addAll(java.util.List.of(current.getSuppressed()));
        }
        return all;
    }

    private static Optional<String> recognised(Throwable failure) {
        return causes(failure).stream().map(Failures::describeOne).filter(java.util.Objects::nonNull).findFirst();
    }

    private static String describeOne(Throwable cause) {
        if (cause instanceof ConnectException) return "connection refused" + detail(cause, "connection refused");
        if (cause instanceof UnknownHostException) return "unknown host " + cause.getMessage();
        if (cause instanceof NoRouteToHostException) return "no route to host" + detail(cause, "no route to host");
        if (cause instanceof HttpConnectTimeoutException) return "connect timed out";
        if (cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException
                || cause instanceof TimeoutException) {
            return "timed out waiting for an answer" + detail(cause, "timed out");
        }
        if (cause instanceof InterruptedIOException || cause instanceof ClosedByInterruptException) return "interrupted";
        if (cause instanceof SSLException) return "TLS failure" + detail(cause, "");
        return null;
    }

    /** ": message", unless the message only repeats what the description already says. */
    private static String detail(Throwable cause, String already) {
        var message = cause.getMessage();
        if (message == null || message.isBlank()) return "";
        var line = Text.firstLine(message);
        return !already.isEmpty() && line.toLowerCase().contains(already) ? "" : ": " + line;
    }

}
