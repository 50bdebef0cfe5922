package dev.tend.host;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Inode counts of a file system. Java exposes none, so ask stat(1) — bounded by the timeout and
 * optional: a volume whose inodes cannot be read is still judged on its bytes.
 */
record InodeUsage(long total, long free) {

    double usedPercent() {
        return total == 0 ? 0 : 100.0 * (total - free) / total;
    }

    static Optional<InodeUsage> of(Path volume, Duration timeout) throws InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("stat", "-f", "-c", "%c %d", volume.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        try {
            // A hung mount hangs stat too; never leave one behind, even when interrupted.
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) return Optional.empty();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().split("\\s+");
            if (process.exitValue() != 0 || output.length != 2) return Optional.empty();
            return Optional.of(new InodeUsage(Long.parseLong(output[0]), Long.parseLong(output[1])));
        } catch (java.io.IOException | NumberFormatException e) {
            return Optional.empty();
        } finally {
            process.destroyForcibly();
        }
    }
}
