package dev.tend.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Working directories of the servers: one fresh directory per server and run, so a crashed earlier run never gets in the way. */
final class TempDirs {

    /** Set -Dtend.harness.keep=true to keep the directories (and the server logs in them) after the run. */
    static final boolean KEEP = Boolean.getBoolean("tend.harness.keep");

    private TempDirs() {
    }

    static Path create(String prefix) {
        return create(Path.of(System.getProperty("java.io.tmpdir")), prefix);
    }

    static Path create(Path parent, String prefix) {
        try {
            return Files.createTempDirectory(parent, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temp directory under " + parent, e);
        }
    }

    /** Best effort: a left-over file in /tmp must not fail a test run. */
    static void deleteQuietly(Path dir) {
        if (dir == null || KEEP || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // keep going: delete as much as we can
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // the directory may be half gone already
        }
    }
}
