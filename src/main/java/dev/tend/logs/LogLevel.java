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

    /** The words {@link #parse} knows, by length: a word of a line is compared with them in place. */
    private static final String[][] WORDS_BY_LENGTH = wordsByLength();

    /**
     * The level named by {@code text[from, to)}, or null: {@link #parse} without making a string of
     * the word (a reader asks this of a word or two of every line). Words with other than ASCII
     * letters and digits go through {@link #parse}, whose upper-casing knows every language.
     */
    public static LogLevel of(CharSequence text, int from, int to) {
        int length = to - from;
        if (length <= 0 || length > 12) return null;
        if (!(text instanceof AsciiLine)) {
            for (int index = from; index < to; index++) {
                if (text.charAt(index) >= 0x80) return parse(text.subSequence(from, to).toString()).orElse(null);
            }
        }
        for (var word : WORDS_BY_LENGTH[length]) {
            boolean same = true;
            for (int index = 0; same && index < length; index++) {
                char c = text.charAt(from + index);
                if (c >= 'a' && c <= 'z') c -= 32;
                same = c == word.charAt(index);
            }
            if (same) return LEVELS.get(word);
        }
        return null;
    }

    /** Each known word's level, as {@link #parse} gives it. */
    private static final java.util.Map<String, LogLevel> LEVELS = levels();

    private static java.util.Map<String, LogLevel> levels() {
        var levels = new java.util.HashMap<String, LogLevel>();
        for (var words : WORDS_BY_LENGTH) for (var word : words) levels.put(word, parse(word).orElseThrow());
        return levels;
    }

    private static String[][] wordsByLength() {
        var words = java.util.List.of("TRACE", "FINEST", "FINER", "DEBUG", "DEBUG1", "DEBUG2", "DEBUG3", "DEBUG4", "DEBUG5", "FINE", "DBG", "INFO",
                "INFORMATION", "LOG", "NOTICE", "STATEMENT", "DETAIL", "HINT", "CONTEXT", "QUERY", "CONFIG", "INF", "WARN", "WARNING", "WRN", "ERROR",
                "ERR", "SEVERE", "EXCEPTION", "FATAL", "PANIC", "CRITICAL", "CRIT", "ALERT", "EMERG", "EMERGENCY");
        var byLength = new String[13][];
        for (int length = 0; length <= 12; length++) {
            int size = length;
            byLength[length] = words.stream().filter(word -> word.length() == size).toArray(String[]::new);
        }
        return byLength;
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
