package dev.tend.logs.format;

import dev.tend.logs.LogEvent;
import java.time.ZoneId;
import java.util.List;

/**
 * Docker's json-file driver: {@code {"log":"...\n","stream":"stderr","time":"..."}} around each
 * line the container wrote. The inner line is read by the format its lines are detected as, and
 * takes Docker's time when it carries none; an inner line no format knows is still an event, of
 * no level, so it is counted and can be searched.
 */
public final class DockerJsonFormat implements LogFormat {
    private final ZoneId zone;
    private final LogFormat inner;

    public DockerJsonFormat(ZoneId zone, LogFormat inner) {
        this.zone = zone;
        this.inner = inner;
    }

    @Override
    public String name() {
        return "docker-json" + (inner == null ? "" : "+" + inner.name());
    }

    /** The container's own line, or null when the record is not Docker's. */
    static String innerLine(String record) {
        if (!record.startsWith("{\"log\":")) return null;
        var node = JsonFields.object(record);
        var log = node == null ? null : JsonFields.text(node, "log");
        if (log == null) return null;
        return log.endsWith("\n") ? log.substring(0, log.length() - 1) : log;
    }

    /** The inner lines of a sample, for detecting what the container writes. */
    static List<String> innerLines(List<String> sample) {
        return sample.stream().map(DockerJsonFormat::innerLine).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public LogEvent parse(long line, String record) {
        var text = innerLine(record);
        if (text == null) return null;
        var node = JsonFields.object(record);
        var time = Timestamps.iso(JsonFields.text(node, "time"), zone);
        var event = inner == null ? null : inner.parse(line, text);
        if (event == null) return LogEvent.of(line, time, null, null, text);
        return event.at() != null ? event : new LogEvent(line, time, event.level(), event.severityWord(), event.message(), event.request(),
                event.sqlState(), event.statement());
    }

    @Override
    public boolean continues(String line) {
        return false;
    }
}
