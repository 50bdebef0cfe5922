package dev.tend.logs.format;

import dev.tend.logs.LogEvent;
import dev.tend.logs.LogLevel;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Plain text lines as most application loggers write them: a leading timestamp (ISO-like, perhaps
 * in brackets) and a level among the next few words ({@code [main] ERROR}, {@code - ERROR -},
 * {@code [error]}), or at least a level first ({@code ERROR: ...}). What follows the level is the
 * message. Every line that is not a record of its own continues the one before (a stack trace,
 * a Python traceback, a message over several lines).
 */
public final class PlainFormat implements LogFormat {
    private static final int LEVEL_WITHIN = 5;
    private final StampScanner stamps;

    public PlainFormat(ZoneId zone) {
        this.stamps = new StampScanner(zone);
    }

    @Override
    public String name() {
        return "plain";
    }

    @Override
    public LogEvent parse(long line, String record) {
        int position = 0;
        Instant at = null;
        if (!record.isEmpty() && record.charAt(0) == '[') position = 1;
        at = stamps.iso(record, position);
        if (at != null) {
            position = stamps.end;
            if (position < record.length() && record.charAt(position) == ']') position++;
        } else {
            position = 0;
        }
        // The level: one of the next few words, bare or in brackets, perhaps with a colon.
        int words = 0;
        int index = position;
        while (words < (at == null ? 1 : LEVEL_WITHIN) && index < record.length()) {
            while (index < record.length() && separator(record.charAt(index))) index++;
            int start = index;
            while (index < record.length() && !Character.isWhitespace(record.charAt(index))) index++;
            if (start == index) break;
            var word = strip(record.substring(start, index));
            var level = LogLevel.parse(word);
            if (level.isPresent()) {
                int rest = index;
                while (rest < record.length() && separator(record.charAt(rest))) rest++;
                return LogEvent.of(line, at, level.get(), word, record.substring(rest));
            }
            words++;
        }
        if (at == null) return null;
        int rest = position;
        while (rest < record.length() && separator(record.charAt(rest))) rest++;
        return LogEvent.of(line, at, null, null, record.substring(rest));
    }

    @Override
    public boolean continues(String line) {
        return true;
    }

    private static boolean separator(char c) {
        return Character.isWhitespace(c) || c == '-' || c == '|' || c == ':' || c == ',';
    }

    private static String strip(String word) {
        int from = 0;
        int to = word.length();
        while (from < to && (word.charAt(from) == '[' || word.charAt(from) == '<' || word.charAt(from) == '(')) from++;
        while (to > from && (word.charAt(to - 1) == ']' || word.charAt(to - 1) == ':' || word.charAt(to - 1) == '>' || word.charAt(to - 1) == ')'
                || word.charAt(to - 1) == ',')) to--;
        return word.substring(from, to);
    }
}
