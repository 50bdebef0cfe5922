package dev.tend.logs;

import java.util.Locale;
import java.util.Optional;

/** Severity of a line, across the words formats use for it (PostgreSQL's PANIC, syslog's crit, Python's CRITICAL...). */
public enum LogLevel {
    TRACE, DEBUG, INFO, WARN, ERROR, FATAL;

    /** ERROR and above: what the error-pattern section reports by default. */
    public boolean atLeast(LogLevel other) {
        return compareTo(other) >= 0;
    }

    public static Optional<LogLevel> parse(String word) {
        if (word == null || word.isEmpty() || word.length() > 12) return Optional.empty();
        return Optional.ofNullable(switch (word.toUpperCase(Locale.ROOT)) {
            case "TRACE", "FINEST", "FINER" -> TRACE;
            case "DEBUG", "DEBUG1", "DEBUG2", "DEBUG3", "DEBUG4", "DEBUG5", "FINE", "DBG" -> DEBUG;
            case "INFO", "INFORMATION", "LOG", "NOTICE", "STATEMENT", "DETAIL", "HINT", "CONTEXT", "QUERY", "CONFIG", "INF" -> INFO;
            case "WARN", "WARNING", "WRN" -> WARN;
            case "ERROR", "ERR", "SEVERE", "EXCEPTION" -> ERROR;
            case "FATAL", "PANIC", "CRITICAL", "CRIT", "ALERT", "EMERG", "EMERGENCY" -> FATAL;
            default -> null;
        });
    }
}
