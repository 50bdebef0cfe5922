package dev.tend.backup;

import dev.tend.check.Failures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A running external tool (pg_dump, pg_restore, redis-server). It never outlives its time limit
 * or Tend itself: on timeout, failure or shutdown (Ctrl-C, SIGTERM) it and its children are killed.
 */
final class ToolProcess implements AutoCloseable {
    private static final int STDERR_LINES = 20;
    private final String name;
    private final Process process;
    private final Thread stderrReader;
    private final Thread shutdownHook;
    private final ArrayDeque<String> stderrTail = new ArrayDeque<>();
    private final Duration timeout;
    private volatile boolean timedOut;

    private ToolProcess(String name, Process process, Duration timeout) {
        this.name = name;
        this.process = process;
        this.timeout = timeout;
        this.stderrReader = Thread.ofVirtual().start(this::readStderr);
        this.shutdownHook = new Thread(this::kill, "stop " + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        // The watchdog holds the limit even while the caller is busy reading stdout.
        Thread.ofVirtual().start(this::watch);
    }

    /**
     * Starts a tool that is killed once {@code timeout} has passed; stdout is for the caller to
     * read (or discarded when {@code discardOutput}).
     */
    static ToolProcess start(List<String> command, Map<String, String> environment, boolean discardOutput, Duration timeout) {
        var builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().keySet().removeIf(key -> key.startsWith("PG")); // only what Tend passes counts
        builder.environment().putAll(environment);
        if (discardOutput) builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        var name = Path.of(command.get(0)).getFileName().toString();
        try {
            return new ToolProcess(name, builder.start(), timeout);
        } catch (IOException e) {
            throw new BackupException("cannot start " + command.get(0) + ": " + Failures.describe(e), e);
        }
    }

    InputStream stdout() {
        return process.getInputStream();
    }

    /** Waits for the exit; a non-zero exit or the time limit is a failure naming the tool and its last words. */
    void awaitSuccess() {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) timedOut = true;
            if (timedOut) {
                kill();
                throw new BackupException(name + " did not finish within " + dev.tend.check.Units.age(timeout) + " and was stopped");
            }
            stderrReader.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
            throw new BackupException(name + " was interrupted");
        }
        if (process.exitValue() != 0) {
            throw new BackupException(name + " failed (exit " + process.exitValue() + ")" + (stderr().isEmpty() ? "" : ": " + stderr()));
        }
    }

    /** Its last lines of stderr, for error messages and evidence. */
    synchronized String stderr() {
        return String.join(" | ", stderrTail);
    }

    private void readStderr() {
        try (var reader = process.getErrorStream()) {
            var lines = new String(reader.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            synchronized (this) {
                for (var line : lines) {
                    if (line.isBlank()) continue;
                    if (stderrTail.size() == STDERR_LINES) stderrTail.removeFirst();
                    stderrTail.addLast(line.strip());
                }
            }
        } catch (IOException ignored) {
            // the process is gone; what was read is all there is
        }
    }

    private void watch() {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                timedOut = true;
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    @Override
    public void close() {
        if (process.isAlive()) kill();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or ran; nothing to remove
        }
    }
}
