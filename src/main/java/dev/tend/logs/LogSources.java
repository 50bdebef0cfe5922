package dev.tend.logs;

import dev.tend.logs.format.LogFormat;
import dev.tend.logs.format.LogFormats;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/** A source made ready to read: its files, oldest first, and its format, named or detected from its newest lines. */
public final class LogSources {
    private LogSources() {}

    /** Files and format, or why the source cannot be read; closing it removes what was fetched for it (a container's logs). */
    public record Opened(LogSourceSettings settings, List<Path> files, LogFormat format, String formatNote, Path scratch, java.time.Instant latest)
            implements AutoCloseable {
        Opened(LogSourceSettings settings, List<Path> files, LogFormat format, String formatNote, Path scratch) {
            this(settings, files, format, formatNote, scratch, null);
        }

        Opened withLatest(java.time.Instant newest) {
            return new Opened(settings, files, format, formatNote, scratch, newest);
        }

        @Override
        public void close() {
            if (scratch == null) return;
            try (var walk = java.nio.file.Files.walk(scratch)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // left in the temp directory
            }
        }
    }

    public static final class Unreadable extends Exception {
        public Unreadable(String message) {
            super(message);
        }
    }

    /** @param since for a container, only lines from then on are fetched (null: all) */
    public static Opened open(LogSourceSettings settings, ZoneId zone, java.time.Instant since) throws Unreadable {
        return open(settings, zone, since, null);
    }

    /** @param after for a container, only lines stamped after this instant (an incremental read); its newest line's time is in {@link Opened#latest()} */
    public static Opened open(LogSourceSettings settings, ZoneId zone, java.time.Instant since, java.time.Instant after) throws Unreadable {
        if (settings.container().isPresent()) {
            var container = settings.container().get();
            Path scratch;
            try {
                scratch = java.nio.file.Files.createTempDirectory("tend-logs");
            } catch (IOException e) {
                throw new Unreadable("cannot make a temporary directory for the logs of " + container.name() + ": " + e.getMessage());
            }
            var file = scratch.resolve(container.name() + ".json.log");
            try {
                var latest = ContainerLogs.fetch(container.socket(), container.name(), since, after, settings.timeout(), file);
                return read(settings, zone, List.of(file), scratch).withLatest(latest);
            } catch (Unreadable | RuntimeException e) {
                new Opened(settings, List.of(), null, null, scratch).close();
                throw e;
            }
        }
        List<Path> files;
        try {
            files = LogFiles.expand(settings.files());
        } catch (IOException e) {
            throw new Unreadable("cannot list the files of " + settings.name() + ": " + e.getMessage());
        }
        if (files.isEmpty()) throw new Unreadable("no file matches " + String.join(", ", settings.files()) + " (log source " + settings.name() + ")");
        for (var file : files) {
            if (java.nio.file.Files.isDirectory(file)) {
                throw new Unreadable(file + " is a directory, not a log file: name its files, e.g. '" + file.resolve("*.log") + "' (log source " + settings.name() + ")");
            }
        }
        return read(settings, zone, files, null);
    }

    private static Opened read(LogSourceSettings settings, ZoneId zone, List<Path> files, Path scratch) throws Unreadable {
        var sample = LogReader.sample(files);
        if (sample.isEmpty()) return new Opened(settings, files, new dev.tend.logs.format.PlainFormat(zone), "none (no lines yet)", scratch);
        if (settings.format().isPresent()) {
            var format = LogFormats.named(settings.format().get(), zone).orElseThrow();
            if (format.name().startsWith("docker-json")) {
                // Named docker-json still looks at what the container writes inside it.
                format = LogFormats.detect(sample, zone).map(LogFormats.Detection::format).filter(found -> found.name().startsWith("docker-json"))
                        .orElse(format);
            }
            return new Opened(settings, files, format, format.name() + " (configured)", scratch);
        }
        var detection = LogFormats.detect(sample, zone).orElseThrow(() -> new Unreadable("cannot tell the format of " + settings.name()
                + ": none of the formats (" + String.join(", ", LogFormats.NAMES) + ") understands any of its first " + sample.size()
                + " lines; first line: " + (sample.isEmpty() ? "(none: the files are empty)" : abbreviate(sample.getFirst()))));
        return new Opened(settings, files, detection.format(), detection.describe(), scratch);
    }

    /** A line of the file as an error message shows it: cut, its control characters (a binary file's, escape sequences) as spaces. */
    private static String abbreviate(String line) {
        return dev.tend.check.Text.printable(line.length() > 200 ? line.substring(0, 200) + "…" : line);
    }
}
