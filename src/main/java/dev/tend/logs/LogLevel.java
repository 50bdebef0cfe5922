package dev.tend.logs;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Severity of a line, across the words formats use for it (PostgreSQL's PANIC, syslog's crit, Python's CRITICAL...). */
public enum LogLevel {
    TRACE, DEBUG, INFO, WARN, ERROR, FATAL;

    /** Every word a level goes by, upper case: the one table {@link #parse} and {@link #of} read. */
    private static final Map<String, LogLevel> WORDS = words();
    /** The same words by length, for comparing a word of a line with them in place. */
    private static final String[][] WORDS_BY_LENGTH = byLength();

    /** ERROR and above: what the error-pattern section reports by default. */
    public boolean atLeast(LogLevel other) {
        return compareTo(other) >= 0;
    }

    public static Optional<LogLevel> parse(String word) {
        if (word == null || word.isEmpty() || word.length() > 12) return Optional.empty();
        return Optional.ofNullable(WORDS.get(word.toUpperCase(Locale.ROOT)));
    }

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
            if (same) return WORDS.get(word);
        }
        return null;
    }

    private static Map<String, LogLevel> words() {
        var words = new HashMap<String, LogLevel>();
        for (var word : List.of("TRACE", "FINEST", "FINER")) words.put(word, TRACE);
        for (var word : List.of("DEBUG", "DEBUG1", "DEBUG2", "DEBUG3", "DEBUG4", "DEBUG5", "FINE", "DBG")) words.put(word, DEBUG);
        for (var word : List.of("INFO", "INFORMATION", "LOG", "NOTICE", "STATEMENT", "DETAIL", "HINT", "CONTEXT", "QUERY", "CONFIG", "INF")) {
            words.put(word, INFO);
        }
        for (var word : List.of("WARN", "WARNING", "WRN")) words.put(word, WARN);
        for (var word : List.of("ERROR", "ERR", "SEVERE", "EXCEPTION")) words.put(word, ERROR);
        for (var word : List.of("FATAL", "PANIC", "CRITICAL", "CRIT", "ALERT", "EMERG", "EMERGENCY")) words.put(word, FATAL);
        return Map.copyOf(words);
    }

    private static String[][] byLength() {
        var byLength = new String[13][];
        for (int length = 0; length <= 12; length++) {
            int size = length;
            byLength[length] = WORDS.keySet().stream().filter(word -> word.length() == size).sorted().toArray(String[]::new);
        }
        return byLength;
    }
}
