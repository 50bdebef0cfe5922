package dev.tend.logs.format;

import dev.tend.logs.LogEvent;
import dev.tend.logs.LogLevel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import tools.jackson.databind.JsonNode;

/**
 * Structured application logs, one JSON object per line, under the field names loggers use: the
 * level ({@code level}, {@code lvl}, {@code severity}, {@code levelname}, {@code log.level}), the
 * message ({@code message}, {@code msg}, {@code event}), the time ({@code time}, {@code timestamp},
 * {@code ts}, {@code @timestamp}: ISO or epoch). A line with a method and a path is also a
 * request, its duration from {@code response_time} or {@code *_ms} (milliseconds) or
 * {@code duration}/{@code request_time}/{@code elapsed} (seconds).
 */
public final class JsonLinesFormat implements LogFormat {
    private final ZoneId zone;

    public JsonLinesFormat(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String name() {
        return "json";
    }

    @Override
    public LogEvent parse(long line, String record) {
        var node = JsonFields.object(record);
        if (node == null) return null;
        var message = JsonFields.text(node, "message", "msg", "event", "log", "text");
        var levelWord = JsonFields.text(node, "level", "lvl", "severity", "levelname", "log.level", "loglevel");
        if (message == null && levelWord == null) return null;
        var level = LogLevel.parse(levelWord).orElse(null);
        return new LogEvent(line, time(node), level, levelWord, message == null ? "" : message, request(node), null, null);
    }

    private Instant time(JsonNode node) {
        for (var name : new String[] {"time", "timestamp", "ts", "@timestamp", "asctime", "datetime"}) {
            var value = JsonFields.at(node, name);
            if (value == null || value.isNull()) continue;
            if (value.isNumber()) return Timestamps.epoch(value.asDouble());
            var at = Timestamps.iso(value.asString(), zone);
            if (at != null) return at;
        }
        return null;
    }

    private static LogEvent.Request request(JsonNode node) {
        var method = JsonFields.text(node, "method", "http.method", "request_method");
        var path = JsonFields.text(node, "path", "endpoint", "uri", "url", "http.path", "request_path");
        if (method == null || path == null) return null;
        var status = JsonFields.text(node, "status", "status_code", "http.status", "response_status");
        Duration duration = null;
        for (var name : new String[] {"response_time", "response_time_ms", "duration_ms", "elapsed_ms", "latency_ms"}) {
            var value = JsonFields.at(node, name);
            if (value != null && value.isNumber()) duration = Duration.ofNanos((long) (value.asDouble() * 1e6));
        }
        for (var name : new String[] {"duration", "request_time", "elapsed"}) {
            var value = JsonFields.at(node, name);
            if (duration == null && value != null && value.isNumber()) duration = Duration.ofNanos((long) (value.asDouble() * 1e9));
        }
        int code = status != null && status.matches("\\d{3}") ? Integer.parseInt(status) : 0;
        return new LogEvent.Request(method, path, code, duration);
    }

    @Override
    public boolean continues(String line) {
        return false;
    }
}
