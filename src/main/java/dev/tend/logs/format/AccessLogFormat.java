package dev.tend.logs.format;

import dev.tend.logs.LogEvent;
import dev.tend.logs.LogLevel;
import java.time.Duration;

/**
 * nginx's and Apache's access logs: common and combined, with or without a trailing request time
 * ({@code $request_time}, seconds with a fraction, as nginx writes it; a whole number is Apache's
 * {@code %D}, microseconds). A 5xx answer is an ERROR line, a 4xx a WARN. Read by hand, field by
 * field: {@code host ident user [time] "request" status bytes ["referer" "agent"] [time]}, and
 * anything after.
 */
public final class AccessLogFormat implements LogFormat {
    private final StampScanner stamps = new StampScanner(java.time.ZoneOffset.UTC);

    @Override
    public String name() {
        return "nginx";
    }

    @Override
    public LogEvent parse(long line, String record) {
        int open = record.indexOf(" [");
        if (open <= 0 || record.lastIndexOf(' ', open - 1) < 0) return null;
        var at = stamps.accessLog(record, open + 2);
        if (at == null) return null;
        int position = stamps.end;
        if (!record.startsWith("] \"", position)) return null;
        int requestStart = position + 3;
        int requestEnd = closingQuote(record, requestStart);
        if (requestEnd < 0) return null;
        // "GET /path HTTP/1.1", or anything a client sent ("-", garbage): then method and path are "-".
        String method = "-";
        String path = "-";
        int space = record.indexOf(' ', requestStart);
        if (space > requestStart && space < requestEnd && upperCase(record, requestStart, space)) {
            method = record.substring(requestStart, space);
            int pathEnd = record.indexOf(' ', space + 1);
            path = record.substring(space + 1, pathEnd < 0 || pathEnd > requestEnd ? requestEnd : pathEnd);
        }
        position = requestEnd + 1;
        if (position + 4 > record.length() || record.charAt(position) != ' ' || !digits(record, position + 1, position + 4)) return null;
        int status = (record.charAt(position + 1) - '0') * 100 + (record.charAt(position + 2) - '0') * 10 + (record.charAt(position + 3) - '0');
        position += 4;
        if (position >= record.length() || record.charAt(position) != ' ') return null;
        int bytesEnd = record.indexOf(' ', position + 1);
        if (bytesEnd < 0) bytesEnd = record.length();
        if (!(bytesEnd == position + 2 && record.charAt(position + 1) == '-') && !digits(record, position + 1, bytesEnd)) return null;
        position = bytesEnd;
        // Combined: the referer and the agent, quoted.
        if (record.startsWith(" \"", position)) {
            int referer = closingQuote(record, position + 2);
            if (referer < 0 || !record.startsWith(" \"", referer + 1)) return null;
            int agent = closingQuote(record, referer + 3);
            if (agent < 0) return null;
            position = agent + 1;
        }
        var duration = requestTime(record, position);
        var level = status >= 500 ? LogLevel.ERROR : status >= 400 ? LogLevel.WARN : LogLevel.INFO;
        return new LogEvent(line, at, level, Integer.toString(status), method + " " + path + " " + status,
                new LogEvent.Request(method, path, status, duration), null, null);
    }

    /** The trailing request time, if the next field is one ({@code 0.123}, {@code rt=0.123} or a whole number). */
    private static Duration requestTime(String record, int position) {
        if (position >= record.length() || record.charAt(position) != ' ') return null;
        int start = position + 1;
        if (record.startsWith("rt=", start)) start += 3;
        int end = start;
        while (end < record.length() && (Character.isDigit(record.charAt(end)) || record.charAt(end) == '.')) end++;
        if (end == start || end < record.length() && record.charAt(end) != ' ') return null;
        var text = record.substring(start, end);
        try {
            return text.contains(".") ? Duration.ofNanos((long) (Double.parseDouble(text) * 1e9)) : Duration.ofNanos(Long.parseLong(text) * 1000);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The index of the quote closing a field that starts at {@code from}; backslash escapes skipped. */
    private static int closingQuote(String record, int from) {
        for (int index = from; index < record.length(); index++) {
            char c = record.charAt(index);
            if (c == '\\') index++;
            else if (c == '"') return index;
        }
        return -1;
    }

    private static boolean upperCase(String text, int from, int to) {
        for (int index = from; index < to; index++) {
            if (text.charAt(index) < 'A' || text.charAt(index) > 'Z') return false;
        }
        return true;
    }

    private static boolean digits(String text, int from, int to) {
        if (from >= to) return false;
        for (int index = from; index < to; index++) {
            if (!Character.isDigit(text.charAt(index))) return false;
        }
        return true;
    }

    @Override
    public boolean continues(String line) {
        return false;
    }
}
