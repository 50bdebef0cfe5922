package dev.tend.logs.format;

import dev.tend.logs.LogEvent;
import dev.tend.logs.LogLevel;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * nginx's and Apache's access logs: common and combined, with or without a trailing request time
 * ({@code $request_time}, seconds with a fraction, as nginx writes it; a whole number is Apache's
 * {@code %D}, microseconds). A 5xx answer is an ERROR line, a 4xx a WARN.
 */
public final class AccessLogFormat implements LogFormat {
    private static final Pattern LINE = Pattern.compile(
            "(\\S+) \\S+ \\S+ \\[([^\\]]+)\\] \"(?:([A-Z]+) (\\S+)(?: [^\"]*)?|[^\"]*)\" (\\d{3}) (?:\\d+|-)"
                    + "(?: \"(?:[^\"\\\\]|\\\\.)*\" \"(?:[^\"\\\\]|\\\\.)*\")?(?: (?:rt=)?(\\d+(?:\\.\\d+)?|-))?.*");

    @Override
    public String name() {
        return "nginx";
    }

    @Override
    public LogEvent parse(long line, String record) {
        var match = LINE.matcher(record);
        if (!match.matches()) return null;
        int status = Integer.parseInt(match.group(5));
        var level = status >= 500 ? LogLevel.ERROR : status >= 400 ? LogLevel.WARN : LogLevel.INFO;
        Duration duration = null;
        var time = match.group(6);
        if (time != null && !time.equals("-")) {
            duration = time.contains(".") ? Duration.ofNanos((long) (Double.parseDouble(time) * 1e9)) : Duration.ofNanos(Long.parseLong(time) * 1000);
        }
        var method = match.group(3) == null ? "-" : match.group(3);
        var path = match.group(4) == null ? "-" : match.group(4);
        var request = new LogEvent.Request(method, path, status, duration);
        var message = method + " " + path + " " + status;
        return new LogEvent(line, Timestamps.accessLog(match.group(2)), level, Integer.toString(status), message, request, null, null);
    }

    @Override
    public boolean continues(String line) {
        return false;
    }
}
