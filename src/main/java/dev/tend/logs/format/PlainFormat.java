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
    private final HeadShapes shapes;

    public PlainFormat(ZoneId zone) {
        this.stamps = new StampScanner(zone);
        this.shapes = new HeadShapes(stamps);
    }

    @Override
    public String name() {
        return "plain";
    }

    @Override
    public LogEvent parse(long line, String record) {
        var head = new LineHead();
        if (!head(record, head)) return null;
        String word = null;
        if (head.level != null) word = record.substring(head.wordFrom, head.wordTo);
        return LogEvent.of(line, head.at, head.level, word, record.substring(head.message));
    }

    @Override
    public boolean readsHeads() {
        return true;
    }

    @Override
    public boolean head(CharSequence record, LineHead head) {
        if (record instanceof dev.tend.logs.AsciiLine line) {
            if (shapes.recall(line, head)) return true;
            if (!read(record, head)) return false;
            if (line.length() > 0 && line.charAt(0) != '[') shapes.remember(line, head);
            return true;
        }
        return read(record, head);
    }

    /** Heads read from a kept shape instead of parsed. */
    long recalled() {
        return shapes.recalled;
    }

    private boolean read(CharSequence record, LineHead head) {
        int length = record.length();
        int position = 0;
        if (length > 0 && record.charAt(0) == '[') position = 1;
        var at = stamps.iso(record, position);
        if (at != null) {
            position = stamps.end;
            if (position < length && record.charAt(position) == ']') position++;
        } else {
            position = 0;
        }
        // The level: one of the next few words, bare or in brackets, perhaps with a colon.
        int words = 0;
        int index = position;
        while (words < (at == null ? 1 : LEVEL_WITHIN) && index < length) {
            while (index < length && separator(record.charAt(index))) index++;
            int start = index;
            while (index < length && !blank(record.charAt(index))) index++;
            if (start == index) break;
            int from = start;
            int to = index;
            while (from < to && opening(record.charAt(from))) from++;
            while (to > from && closing(record.charAt(to - 1))) to--;
            var level = LogLevel.of(record, from, to);
            if (level != null) {
                int rest = index;
                while (rest < length && separator(record.charAt(rest))) rest++;
                head.wordFrom = from;
                head.wordTo = to;
                head.at = at;
                head.level = level;
                head.message = rest;
                return true;
            }
            words++;
        }
        if (at == null) return false;
        int rest = position;
        while (rest < length && separator(record.charAt(rest))) rest++;
        head.at = at;
        head.level = null;
        head.message = rest;
        return true;
    }

    @Override
    public boolean continues(String line) {
        return true;
    }

    static boolean separator(char c) {
        return blank(c) || c == '-' || c == '|' || c == ':' || c == ',';
    }

    /** {@link Character#isWhitespace}, asked only of the characters that may be (most are letters). */
    private static boolean blank(char c) {
        return c <= ' ' ? Character.isWhitespace(c) : c >= 0x80 && Character.isWhitespace(c);
    }

    private static boolean opening(char c) {
        return c == '[' || c == '<' || c == '(';
    }

    private static boolean closing(char c) {
        return c == ']' || c == ':' || c == '>' || c == ')' || c == ',';
    }
}
