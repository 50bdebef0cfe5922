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
                : firstLine(failure.getMessage()));
    }

    /**
     * True when the failure is Tend's (an answer it could not parse, a bug) rather than the target's:
     * such results are UNKNOWN, not CRIT, so nobody is paged for a component that may be fine.
     */
    public static boolean isOwnFault(Throwable failure) {
        return recognised(failure).isEmpty() && (failure instanceof NullPointerException
                || failure instanceof ClassCastException || failure instanceof IndexOutOfBoundsException
                || failure instanceof NumberFormatException || failure instanceof ArithmeticException
                || failure instanceof UnsupportedOperationException || failure instanceof LinkageError);
    }

    private static Optional<String> recognised(Throwable failure) {
        var queue = new ArrayDeque<Throwable>();
        var seen = new HashSet<Throwable>();
        queue.add(failure);
        while (!queue.isEmpty()) {
            var current = queue.poll();
            if (!seen.add(current)) continue;
            var description = describeOne(current);
            if (description != null) return Optional.of(description);
            if (current.getCause() != null) queue.add(current.getCause());
            queue.addAll(java.util.List.of(current.getSuppressed()));
        }
        return Optional.empty();
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
        var line = firstLine(message);
        return !already.isEmpty() && line.toLowerCase().contains(already) ? "" : ": " + line;
    }

    private static String firstLine(String text) {
        var newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
    }
}
