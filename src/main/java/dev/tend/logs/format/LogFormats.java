package dev.tend.logs.format;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The formats Tend reads, by name, and detection from a sample: the format that understands the
 * most sample lines wins, the more specific first on a tie (PostgreSQL's jsonlog before any JSON).
 * Docker's json-file is looked into: the format of the container's own lines is detected too.
 */
public final class LogFormats {
    public static final List<String> NAMES = List.of("docker-json", "postgres-json", "json", "postgres-csv", "nginx", "postgres", "plain");

    private LogFormats() {}

    /** A detection: the format, and how many of the sample's lines it understood. */
    public record Detection(LogFormat format, int understood, int sampled) {
        public String describe() {
            return format.name() + " (detected: " + understood + " of " + sampled + " sample lines)";
        }
    }

    public static Optional<LogFormat> named(String name, ZoneId zone) {
        if (name.equals("docker-json")) return Optional.of(new DockerJsonFormat(zone, new PlainFormat(zone)));
        return Optional.ofNullable(all(zone).get(name));
    }

    /** The best format for the sample, if any understands at least one line. */
    public static Optional<Detection> detect(List<String> sample, ZoneId zone) {
        var lines = sample.stream().filter(line -> !line.isBlank()).toList();
        Detection best = null;
        for (var format : all(zone).values()) {
            int understood = 0;
            for (int index = 0; index < lines.size(); index++) {
                var record = lines.get(index);
                while (format.incomplete(record) && index + 1 < lines.size()) record = record + "\n" + lines.get(++index);
                if (format.parse(index + 1, record) != null) understood++;
            }
            if (understood > 0 && (best == null || understood > best.understood())) best = new Detection(format, understood, lines.size());
        }
        if (best != null && best.format().name().equals("docker-json")) {
            var inner = detect(DockerJsonFormat.innerLines(lines), zone).map(Detection::format).orElse(null);
            best = new Detection(new DockerJsonFormat(zone, inner), best.understood(), best.sampled());
        }
        return Optional.ofNullable(best);
    }

    private static Map<String, LogFormat> all(ZoneId zone) {
        var formats = new LinkedHashMap<String, LogFormat>();
        for (var format : new ArrayList<>(List.of(new DockerJsonFormat(zone, null), new PostgresJsonFormat(zone), new JsonLinesFormat(zone),
                new PostgresCsvFormat(zone), new AccessLogFormat(), new PostgresFormat(zone), new PlainFormat(zone)))) {
            formats.put(format.name(), format);
        }
        return formats;
    }
}
