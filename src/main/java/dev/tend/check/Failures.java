package dev.tend.check;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Turns the exceptions of an unreachable target into the sentence an on-call engineer wants. */
public final class Failures {
    private Failures() {}

    public static String describe(Throwable failure) {
        var root = failure;
        // The most specific network cause is usually the deepest one; drivers wrap it.
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (isNetwork(cause)) root = cause;
        }
        var detail = root.getMessage() == null ? "" : ": " + firstLine(root.getMessage());
        if (root instanceof ConnectException) return "connection refused" + detail;
        if (root instanceof UnknownHostException) return "unknown host " + root.getMessage();
        if (root instanceof NoRouteToHostException) return "no route to host" + detail;
        if (root instanceof HttpConnectTimeoutException) return "connect timed out";
        if (root instanceof SocketTimeoutException || root instanceof HttpTimeoutException
                || root instanceof TimeoutException) {
            return "timed out waiting for an answer" + detail;
        }
        if (root instanceof InterruptedIOException || root instanceof ClosedByInterruptException) return "interrupted";
        if (root instanceof SSLException) return "TLS failure" + detail;
        var own = failure.getMessage();
        return own == null ? failure.getClass().getSimpleName() : firstLine(own);
    }

    private static boolean isNetwork(Throwable cause) {
        return cause instanceof java.io.IOException || cause instanceof TimeoutException;
    }

    private static String firstLine(String text) {
        var newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
    }
}
