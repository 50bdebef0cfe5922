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

    /** Files and format, or why the source cannot be read. */
    public record Opened(LogSourceSettings settings, List<Path> files, LogFormat format, String formatNote) {}

    public static final class Unreadable extends Exception {
        public Unreadable(String message) {
            super(message);
        }
    }

    public static Opened open(LogSourceSettings settings, ZoneId zone) throws Unreadable {
        List<Path> files;
        try {
            files = LogFiles.expand(settings.files());
        } catch (IOException e) {
            throw new Unreadable("cannot list the files of " + settings.name() + ": " + e.getMessage());
        }
        if (files.isEmpty()) throw new Unreadable("no file matches " + String.join(", ", settings.files()) + " (log source " + settings.name() + ")");
        var sample = LogReader.sample(files);
        if (sample.isEmpty()) return new Opened(settings, files, new dev.tend.logs.format.PlainFormat(zone), "none (the files hold no lines yet)");
        if (settings.format().isPresent()) {
            var format = LogFormats.named(settings.format().get(), zone).orElseThrow();
            if (format.name().startsWith("docker-json")) {
                // Named docker-json still looks at what the container writes inside it.
                format = LogFormats.detect(sample, zone).map(LogFormats.Detection::format).filter(found -> found.name().startsWith("docker-json"))
                        .orElse(format);
            }
            return new Opened(settings, files, format, format.name() + " (configured)");
        }
        var detection = LogFormats.detect(sample, zone).orElseThrow(() -> new Unreadable("cannot tell the format of " + settings.name()
                + ": none of the formats (" + String.join(", ", LogFormats.NAMES) + ") understands any of its first " + sample.size()
                + " lines; first line: " + (sample.isEmpty() ? "(none: the files are empty)" : abbreviate(sample.getFirst()))));
        return new Opened(settings, files, detection.format(), detection.describe());
    }

    private static String abbreviate(String line) {
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
