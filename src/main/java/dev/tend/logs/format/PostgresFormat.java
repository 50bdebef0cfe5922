package dev.tend.logs.format;

import dev.tend.logs.LogEvent;
import dev.tend.logs.LogLevel;
import java.time.Duration;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * PostgreSQL's stderr log: a {@code log_line_prefix} that starts with a timestamp ({@code %m} or
 * {@code %t}: the default {@code "%m [%p] "} and the usual longer ones), then {@code SEVERITY:  message}.
 * A SQLSTATE is taken from the prefix when it carries {@code %e}; statements logged with their
 * duration ({@code log_min_duration_statement}) become statements; continuation lines (a
 * tab first) join the statement they belong to.
 */
public final class PostgresFormat implements LogFormat {
    private static final Pattern SEVERITY = Pattern.compile(
            "\\b(LOG|ERROR|FATAL|PANIC|WARNING|NOTICE|INFO|DEBUG[1-5]?|DETAIL|HINT|STATEMENT|CONTEXT|QUERY|LOCATION):  ");
    private static final Pattern SQLSTATE = Pattern.compile("(?:^| )([0-9A-Z]{5})(?=[ :]|$)");
    /** A statement's duration; with the extended protocol parse and bind are logged too, but only execute is the statement's run. */
    static final Pattern DURATION = Pattern.compile("duration: (\\d+(?:\\.\\d+)?) ms(?:  (?:statement|execute [^:]*): (.*))?", Pattern.DOTALL);
    private final ZoneId zone;

    public PostgresFormat(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public LogEvent parse(long line, String record) {
        var stamp = Timestamps.ISO.matcher(record);
        if (!stamp.lookingAt()) return null;
        var severity = SEVERITY.matcher(record);
        if (!severity.find(stamp.end())) return null;
        var prefix = record.substring(stamp.end(), severity.start());
        var word = severity.group(1);
        var message = record.substring(severity.end());
        var state = SQLSTATE.matcher(prefix);
        return event(line, Timestamps.iso(stamp, zone), word, message, state.find() ? state.group(1) : null);
    }

    /** Shared with the csv and json logs: the same severities, the same duration lines. */
    static LogEvent event(long line, java.time.Instant at, String word, String message, String sqlState) {
        var level = LogLevel.parse(word).orElse(LogLevel.INFO);
        LogEvent.Statement statement = null;
        if (message.startsWith("duration: ")) {
            var duration = DURATION.matcher(message);
            if (duration.matches() && duration.group(2) != null) {
                statement = new LogEvent.Statement(Duration.ofNanos((long) (Double.parseDouble(duration.group(1)) * 1e6)), duration.group(2));
            }
        }
        var state = sqlState == null || sqlState.equals("00000") && level.atLeast(LogLevel.ERROR) ? null : sqlState;
        return new LogEvent(line, at, level, word, message, null, state, statement);
    }
}
