package dev.tend.testing;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A long-running server process (redis-server, nginx, dockerd, S3Mock) started by the harness.
 * Its output goes to a log file whose last lines are put into every startup failure, and close() stops it:
 * SIGTERM, a grace period, then SIGKILL for it and for any child it leaves behind (nginx workers, containerd).
 */
final class ManagedProcess implements AutoCloseable {

    /** A readiness check; throwing counts as "not ready yet" and the last exception is reported on timeout. */
    @FunctionalInterface
    interface ReadinessCheck {
        boolean isReady() throws Exception;
    }

    private static final int LOG_LINES_IN_ERRORS = 40;

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Duration stopGrace;

    private ManagedProcess(String name, Process process, Path logFile, Duration stopGrace) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.stopGrace = stopGrace;
    }

    static ManagedProcess start(String name, List<String> command, Path logFile) {
        return start(name, command, logFile, Map.of(), Duration.ofSeconds(10));
    }

    /**
     * @param environment added to (or, for a null value, removed from) the inherited environment
     * @param stopGrace how long close() waits after SIGTERM before it kills
     */
    static ManagedProcess start(String name, List<String> command, Path logFile,
                                Map<String, String> environment, Duration stopGrace) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(logFile.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Commands.applyEnvironment(builder, environment);
        try {
            ManagedProcess started = new ManagedProcess(name, builder.start(), logFile, stopGrace);
            ShutdownCleanup.register(started);
            return started;
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name + " (" + String.join(" ", command) + "): " + e.getMessage(), e);
        }
    }

    /** Polls the check until it passes; fails early, with the log tail, if the process dies or the deadline passes. */
    void awaitReady(Duration timeout, ReadinessCheck check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastProblem = null;
        while (true) {
            if (!process.isAlive()) {
                throw startupFailure("exited with code " + process.exitValue() + " before it was ready", lastProblem);
            }
            try {
                if (check.isReady()) {
                    return;
                }
            } catch (Exception e) {
                lastProblem = e;
            }
            if (System.nanoTime() > deadline) {
                throw startupFailure("was not ready within " + timeout.toSeconds() + " s", lastProblem);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw startupFailure("startup wait was interrupted", e);
            }
        }
    }

    private IllegalStateException startupFailure(String what, Exception cause) {
        String reason = cause == null ? "" : "\nlast readiness error: " + cause;
        return new IllegalStateException(name + " " + what + reason
                + "\n--- last lines of " + logFile + " ---\n" + logTail(LOG_LINES_IN_ERRORS), cause);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    String logTail(int lines) {
        return tail(logFile, lines);
    }

    /** The last lines of a log file; reads at most the last 64 KiB because dockerd logs grow large. */
    static String tail(Path file, int lines) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, raf.length() - 64 * 1024);
            byte[] bytes = new byte[(int) (raf.length() - start)];
            raf.seek(start);
            raf.readFully(bytes);
            List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log not readable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        try {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy(); // SIGTERM: lets nginx, redis and dockerd shut down their own children
            if (!process.waitFor(stopGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                System.err.println("[tend-harness] " + name + " ignored SIGTERM for " + stopGrace.toSeconds() + " s, killing it");
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            // ProcessHandle checks the start time, so a recycled pid is never hit
            children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            ShutdownCleanup.unregister(this);
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
