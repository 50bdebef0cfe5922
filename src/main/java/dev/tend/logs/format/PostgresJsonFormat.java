package dev.tend.logs.format;

import dev.tend.logs.LogEvent;
import java.time.ZoneId;

/** PostgreSQL 15's jsonlog: timestamp, error_severity, state_code, message, one object per line. */
public final class PostgresJsonFormat implements LogFormat {
    private final ZoneId zone;

    public PostgresJsonFormat(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String name() {
        return "postgres-json";
    }

    @Override
    public LogEvent parse(long line, String record) {
        if (!record.startsWith("{\"timestamp\"")) return null;
        var node = JsonFields.object(record);
        if (node == null) return null;
        var severity = JsonFields.text(node, "error_severity");
        var message = JsonFields.text(node, "message");
        var stamp = JsonFields.text(node, "timestamp");
        if (severity == null || message == null || stamp == null) return null;
        return PostgresFormat.event(line, Timestamps.iso(stamp, zone), severity, message, JsonFields.text(node, "state_code"));
    }

    @Override
    public boolean continues(String line) {
        return false;
    }
}
