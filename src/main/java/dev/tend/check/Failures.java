package dev.tend.check;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Turns the exceptions of an unreachable target into the sentence an on-call engineer wants.
 * Whatever the failure, the sentence names no Java class: a reason is read by people, and the
 * class names a driver puts into its messages are taken out (what the server said stays).
 */
public final class Failures {
    private Failures() {}

    public static String describe(Throwable failure) {
        // Tend's own exceptions already say what failed, in context ("cannot list s3://...: ...").
        if (failure.getClass().getName().startsWith("dev.tend.") && failure.getMessage() != null) return ownWords(failure);
        // Drivers wrap the network error (as a cause, or a suppressed exception per address
        // tried); the first recognisable one says more than the wrapper's message.
        return recognised(failure).orElseGet(() -> ownWords(failure));
    }

    /**
     * True when the failure is Tend's (an answer it could not parse, a bug) rather than the target's:
     * such results are UNKNOWN, not CRIT, so nobody is paged for a component that may be fine.
     */
    public static boolean isOwnFault(Throwable failure) {
        return recognised(failure).isEmpty() && Faults.isOwn(failure);
    }

    /** True when the target took too long to answer (a driver's own read timeout, say). */
    public static boolean isTimeout(Throwable failure) {
        return causes(failure).stream().anyMatch(cause -> cause instanceof SocketTimeoutException
                || cause instanceof HttpTimeoutException || cause instanceof TimeoutException);
    }

    /** The failure, its causes and what each suppressed, breadth first. */
    static List<Throwable> causes(Throwable failure) {
        var all = new java.util.ArrayList<Throwable>();
        var queue = new ArrayDeque<Throwable>();
        var seen = new HashSet<Throwable>();
        queue.add(failure);
        while (!queue.isEmpty()) {
            var current = queue.poll();
            if (!seen.add(current)) continue;
            all.add(current);
            if (current.getCause() != null) queue.add(current.getCause());
            queue.addAll(List.of(current.getSuppressed()));
        }
        return all;
    }

    private static Optional<String> recognised(Throwable failure) {
        var causes = causes(failure);
        // A TLS failure first: its certificate or alert says more than the socket error under it.
        var tls = causes.stream().filter(TlsFailures::isTls).findFirst();
        if (tls.isPresent()) return Optional.of(TlsFailures.describe(causes));
        return causes.stream().map(Failures::describeOne).filter(Objects::nonNull).findFirst();
    }

    private static String describeOne(Throwable cause) {
        if (cause instanceof ConnectException) {
            return "connection refused" + detail(cause, "connection refused") + ": nothing accepts connections there; is the service running?";
        }
        if (cause instanceof UnknownHostException) return "unknown host " + cause.getMessage() + " (check the name and DNS)";
        if (cause instanceof NoRouteToHostException) return "no route to host" + detail(cause, "no route to host");
        if (cause instanceof HttpConnectTimeoutException) return "connect timed out";
        if (cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException
                || cause instanceof TimeoutException) {
            return "timed out waiting for an answer" + detail(cause, "timed out");
        }
        if (cause instanceof InterruptedIOException || cause instanceof ClosedByInterruptException) return "interrupted";
        if (cause instanceof FileSystemException file) return describeFile(file);
        return null;
    }

    /** The file system's complaint about a path, with the path: "permission denied: /backups/db". */
    private static String describeFile(FileSystemException failure) {
        var file = failure.getFile() == null ? "" : failure.getFile();
        if (failure instanceof NoSuchFileException) return "no such file or directory: " + file;
        if (failure instanceof AccessDeniedException) return "permission denied: " + file;
        if (failure instanceof NotDirectoryException) return "not a directory: " + file;
        var reason = failure.getReason();
        return reason == null ? "cannot use " + file : file + ": " + Text.withoutJavaNames(reason);
    }

    /** What the failure says itself, without Java names; its kind in words when it says nothing. */
    private static String ownWords(Throwable failure) {
        var message = Text.withoutJavaNames(Text.firstLine(Faults.message(failure)));
        return message.isEmpty() ? Faults.kind(failure) : message;
    }

    /** ": message", unless the message only repeats what the description already says. */
    private static String detail(Throwable cause, String already) {
        var line = Text.withoutJavaNames(Text.firstLine(cause.getMessage()));
        if (line.isEmpty()) return "";
        return !already.isEmpty() && line.toLowerCase().contains(already) ? "" : ": " + line;
    }
}
