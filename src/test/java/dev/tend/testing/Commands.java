package dev.tend.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a short command (openssl, tar, the docker CLI) to completion, with a timeout. */
final class Commands {

    private Commands() {
    }

    /** Runs the command and returns its stdout; throws with the exit code and stderr if it fails or times out. */
    static String run(Duration timeout, List<String> command) {
        return run(timeout, Map.of(), command);
    }

    /** @param environment added to (or, for a null value, removed from) the inherited environment */
    static String run(Duration timeout, Map<String, String> environment, List<String> command) {
        Path stdout = null;
        Path stderr = null;
        try {
            // files, not pipes: a chatty command can never block on a full pipe buffer
            stdout = Files.createTempFile("tend-cmd", ".out");
            stderr = Files.createTempFile("tend-cmd", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            applyEnvironment(builder, environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s: " + String.join(" ", command)
                        + "\nstderr: " + Files.readString(stderr, StandardCharsets.UTF_8).strip());
            }
            String out = Files.readString(stdout, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("exit code " + process.exitValue() + ": " + String.join(" ", command)
                        + "\nstderr: " + Files.readString(stderr, StandardCharsets.UTF_8).strip()
                        + (out.isBlank() ? "" : "\nstdout: " + out.strip()));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    /** Adds each entry to the inherited environment; a null value removes the variable instead. */
    static void applyEnvironment(ProcessBuilder builder, Map<String, String> environment) {
        environment.forEach((key, value) -> {
            if (value == null) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
    }

    /** The path if it is an executable file, else a clear error naming the Debian package that provides it. */
    static Path requireExecutable(String path, String debianPackage) {
        Path executable = Path.of(path);
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException(path + " is missing: install the Debian package '" + debianPackage
                    + "' (apt-get install -y " + debianPackage + ")");
        }
        return executable;
    }

    /** The effective uid of this JVM is 0 (Linux; false where /proc is missing). */
    static boolean runningAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a stray temp file is harmless
            }
        }
    }
}
