package dev.tend.logs.format;

import dev.tend.logs.LogEvent;
import dev.tend.logs.LogLevel;
import java.time.Duration;
import java.time.ZoneId;

/**
 * PostgreSQL's stderr log: a {@code log_line_prefix} that starts with a timestamp ({@code %m} or
 * {@code %t}: the default {@code "%m [%p] "} and the usual longer ones), then {@code SEVERITY:  message}.
 * A SQLSTATE is taken from the prefix when it carries {@code %e}; statements logged with their
 * duration ({@code log_min_duration_statement}) become statements; continuation lines (a
 * tab first) join the statement they belong to.
 */
public final class PostgresFormat implements LogFormat {
    /**
     * {@code duration: 1.234 ms  statement: SQL} or {@code ...  execute NAME: SQL}; with the extended
     * protocol parse and bind are logged too, but only execute is the statement's run.
     */
    static LogEvent.Statement statement(String message) {
        int number = "duration: ".length();
        int unit = message.indexOf(" ms", number);
        if (unit < 0) return null;
        double ms;
        try {
            ms = Double.parseDouble(message.substring(number, unit));
        } catch (NumberFormatException e) {
            return null;
        }
        int rest = unit + 3;
        String text;
        if (message.startsWith("  statement: ", rest)) {
            text = message.substring(rest + "  statement: ".length());
        } else if (message.startsWith("  execute ", rest)) {
            int colon = message.indexOf(": ", rest + "  execute ".length());
            if (colon < 0) return null;
            text = message.substring(colon + 2);
        } else {
            return null;
        }
        return new LogEvent.Statement(Duration.ofNanos((long) (ms * 1e6)), text);
    }
    private static final java.util.Set<String> SEVERITIES = java.util.Set.of("LOG", "ERROR", "FATAL", "PANIC", "WARNING", "NOTICE", "INFO", "DEBUG",
            "DEBUG1", "DEBUG2", "DEBUG3", "DEBUG4", "DEBUG5", "DETAIL", "HINT", "STATEMENT", "CONTEXT", "QUERY", "LOCATION");
    private final StampScanner stamps;

    public PostgresFormat(ZoneId zone) {
        this.stamps = new StampScanner(zone);
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public LogEvent parse(long line, String record) {
        var at = stamps.iso(record, 0);
        if (at == null) return null;
        // The severity: the word before the first ":  " (two blanks) that is one.
        int colon = record.indexOf(":  ", stamps.end);
        while (colon >= 0) {
            int start = colon;
            while (start > stamps.end && Character.isLetterOrDigit(record.charAt(start - 1))) start--;
            var word = record.substring(start, colon);
            if (SEVERITIES.contains(word)) {
                return event(line, at, word, record.substring(colon + 3), sqlState(record, stamps.end, start));
            }
            colon = record.indexOf(":  ", colon + 1);
        }
        return null;
    }

    /** A SQLSTATE in the prefix ({@code %e}): a word of five digits and capitals, not in brackets. */
    private static String sqlState(String record, int from, int to) {
        int start = from;
        while (start < to) {
            while (start < to && record.charAt(start) == ' ') start++;
            int end = start;
            while (end < to && record.charAt(end) != ' ') end++;
            int stop = end > start && record.charAt(end - 1) == ':' ? end - 1 : end;
            if (stop - start == 5 && stateWord(record, start, stop)) return record.substring(start, stop);
            start = end;
        }
        return null;
    }

    private static boolean stateWord(String record, int from, int to) {
        for (int index = from; index < to; index++) {
            char c = record.charAt(index);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z')) return false;
        }
        return true;
    }

    /** Shared with the csv and json logs: the same severities, the same duration lines. */
    static LogEvent event(long line, java.time.Instant at, String word, String message, String sqlState) {
        var level = LogLevel.parse(word).orElse(LogLevel.INFO);
        LogEvent.Statement statement = null;
        if (message.startsWith("duration: ")) statement = statement(message);
        var state = sqlState == null || sqlState.equals("00000") && level.atLeast(LogLevel.ERROR) ? null : sqlState;
        return new LogEvent(line, at, level, word, message, null, state, statement);
    }
}
