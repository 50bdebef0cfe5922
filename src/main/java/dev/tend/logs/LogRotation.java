package dev.tend.logs;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code tend logs rotate}: rotates a source's current files when due, then compresses, deletes and
 * trims the rotated ones. By rename the writer keeps its open file (now the rotated one) until it
 * reopens on the signal, so a writer that never pauses loses nothing. By copytruncate the bytes
 * written after the copy are read and appended to it until a look finds nothing new, then the file
 * is truncated at once, and counted; only what lands between that last look and the truncation
 * can be lost.
 */
public final class LogRotation {
    private LogRotation() {}

    /** What was done (or, dry, would be), one line each, and the copytruncate gap carried over, in lines and bytes. */
    public record Outcome(List<String> steps, long gapLines, long gapBytes, List<String> failures) {}

    public static Outcome run(LogSourceSettings source, RotateSettings rotate, Instant now, ZoneId zone, boolean dryRun, boolean force) throws IOException {
        var steps = new ArrayList<String>();
        var failures = new ArrayList<String>();
        long gapLines = 0;
        long gapBytes = 0;
        var files = LogFiles.expand(source.files());
        var current = files.stream().filter(file -> !LogFiles.isRotatedName(file.getFileName().toString())).toList();
        boolean rotated = false;
        for (var file : current) {
            long size = Files.size(file);
            var siblings = LogFiles.rotated(file);
            var why = due(rotate, size, siblings, now, force);
            if (why == null) {
                steps.add("keep " + file + " (" + size + " bytes; not due)");
                continue;
            }
            var target = rotate.dateext() ? dated(file, now, zone) : file.resolveSibling(file.getFileName() + ".1");
            steps.add((dryRun ? "would rotate " : "rotate ") + file + " → " + target.getFileName() + " (" + why + ", " + rotate.method().name().toLowerCase(java.util.Locale.ROOT) + ")");
            if (dryRun) continue;
            if (!rotate.dateext()) shift(siblings, file);
            if (rotate.method() == RotateSettings.Method.RENAME) {
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            } else {
                long[] gap = copyTruncate(file, target);
                gapLines += gap[0];
                gapBytes += gap[1];
            }
            rotated = true;
        }
        if (rotated && rotate.method() == RotateSettings.Method.RENAME && !dryRun) {
            try {
                steps.add(reopen(rotate));
            } catch (IOException e) {
                failures.add("the writer was not told to reopen: " + e.getMessage() + "; it writes on into the rotated file until it is");
            }
        }
        for (var file : current) retention(file, rotate, now, dryRun, steps, failures);
        return new Outcome(List.copyOf(steps), gapLines, gapBytes, List.copyOf(failures));
    }

    private static String due(RotateSettings rotate, long size, List<Path> siblings, Instant now, boolean force) throws IOException {
        if (size == 0) return null; // nothing to rotate: an empty file stays
        if (force) return "--force";
        if (rotate.maxSize().isPresent() && size >= rotate.maxSize().get()) return size + " bytes, at least maxSize " + rotate.maxSize().get();
        if (rotate.every().isPresent()) {
            var newest = siblings.isEmpty() ? null : Files.getLastModifiedTime(siblings.getLast()).toInstant();
            if (newest == null) return "never rotated";
            if (Duration.between(newest, now).compareTo(rotate.every().get()) >= 0) return "last rotated " + newest;
        }
        return null;
    }

    /** app.log.N(.gz) → app.log.N+1(.gz), the highest first, so .1 is free. */
    private static void shift(List<Path> siblings, Path file) throws IOException {
        var numbered = new ArrayList<Path>();
        var base = file.getFileName().toString();
        for (var sibling : siblings) {
            if (sibling.getFileName().toString().substring(base.length()).matches("\\.\\d{1,4}(\\.gz)?")) numbered.add(sibling);
        }
        for (var sibling : numbered) { // oldest (highest number) first
            var suffix = sibling.getFileName().toString().substring(base.length() + 1);
            boolean gz = suffix.endsWith(".gz");
            int number = Integer.parseInt(gz ? suffix.substring(0, suffix.length() - 3) : suffix);
            Files.move(sibling, file.resolveSibling(base + "." + (number + 1) + (gz ? ".gz" : "")));
        }
    }

    private static Path dated(Path file, Instant now, ZoneId zone) {
        var day = file.resolveSibling(file.getFileName() + "-" + DateTimeFormatter.ofPattern("yyyyMMdd").withZone(zone).format(now));
        return Files.exists(day) ? file.resolveSibling(file.getFileName() + "-" + DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(zone).format(now)) : day;
    }

    /** Copies, appends what was written meanwhile to the copy, truncates; returns the lines and bytes carried over. */
    private static long[] copyTruncate(Path file, Path target) throws IOException {
        Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
        long copied = Files.size(target);
        try (var log = new RandomAccessFile(file.toFile(), "rw"); var copy = new java.io.FileOutputStream(target.toFile(), true)) {
            // Carry what was written since, until a look finds nothing new, then truncate at once:
            // only what lands between that last look and the truncation is lost.
            long position = copied;
            long lines = 0;
            for (int round = 0; round < 20; round++) {
                long end = log.length();
                if (end <= position) break;
                var bytes = new byte[(int) Math.min(end - position, 64L << 20)];
                log.seek(position);
                log.readFully(bytes);
                copy.write(bytes);
                for (byte b : bytes) if (b == '\n') lines++;
                position += bytes.length;
            }
            log.setLength(0);
            return new long[] {lines, position - copied};
        }
    }

    /** kill -SIGNAL PID, the pid read from the pid file (nginx: USR1 reopens its logs); or the signal to a container through its engine. */
    private static String reopen(RotateSettings rotate) throws IOException {
        if (rotate.container().isPresent()) {
            var container = rotate.container().get();
            try (var client = new dev.tend.docker.DockerEngineClient(container.socket())) {
                var answer = client.post("/containers/" + java.net.URLEncoder.encode(container.name(), java.nio.charset.StandardCharsets.UTF_8)
                        + "/kill?signal=" + rotate.signal(), Duration.ofSeconds(10));
                if (answer.status() != 204) throw new IOException("the engine answered HTTP " + answer.status() + " to signalling container " + container.name());
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException("cannot signal container " + container.name() + ": " + dev.tend.check.Failures.describe(e), e);
            }
            return "told container " + container.name() + " (" + container.target() + ") to reopen with SIG" + rotate.signal();
        }
        var pidFile = rotate.pidFile().orElseThrow();
        var pid = Files.readString(pidFile).strip();
        if (!pid.matches("\\d+")) throw new IOException(pidFile + " holds no pid: '" + pid + "'");
        var process = new ProcessBuilder("kill", "-s", rotate.signal(), pid).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("kill did not finish within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        var output = new String(process.getInputStream().readAllBytes()).strip();
        if (process.exitValue() != 0) throw new IOException("kill -s " + rotate.signal() + " " + pid + " failed: " + output);
        return "told pid " + pid + " (" + pidFile + ") to reopen with SIG" + rotate.signal();
    }

    private static void retention(Path file, RotateSettings rotate, Instant now, boolean dryRun, List<String> steps, List<String> failures) throws IOException {
        var siblings = new ArrayList<>(LogFiles.rotated(file));
        // Newest first, for keep.
        java.util.Collections.reverse(siblings);
        for (int index = 0; index < siblings.size(); index++) {
            var sibling = siblings.get(index);
            var age = Duration.between(Files.getLastModifiedTime(sibling, LinkOption.NOFOLLOW_LINKS).toInstant(), now);
            boolean tooMany = rotate.keep() > 0 && index >= rotate.keep();
            boolean tooOld = rotate.deleteAfter().isPresent() && age.compareTo(rotate.deleteAfter().get()) > 0;
            try {
                if (tooMany || tooOld) {
                    steps.add((dryRun ? "would delete " : "delete ") + sibling + (tooOld ? " (" + age.toDays() + " days old)" : " (beyond keep " + rotate.keep() + ")"));
                    if (!dryRun) Files.delete(sibling);
                } else if (rotate.compressAfter().isPresent() && !sibling.toString().endsWith(".gz") && age.compareTo(rotate.compressAfter().get()) > 0) {
                    steps.add((dryRun ? "would compress " : "compress ") + sibling + " (" + age.toDays() + " days old)");
                    if (!dryRun) Gzip.compress(sibling);
                }
            } catch (IOException e) {
                failures.add(sibling + ": " + e.getMessage());
            }
        }
    }
}
