package dev.tend.logs.mine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Replaces the variable parts of a message with placeholders before templates are mined, so two
 * lines that differ only in an id, a number, an address, a path, a quoted value or a duration
 * read the same: {@code <ID> <NUM> <IP> <PATH> <STR> <DUR> <HEX> <TIME>}. Order matters: the most
 * specific shapes first, so "10.0.0.5:5432" is one address, not numbers.
 */
public final class Masking {
    private record Rule(Pattern pattern, String mask) {}

    private static final List<Rule> RULES = List.of(
            rule("\\b\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?\\b", "<TIME>"),
            rule("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b", "<ID>"),
            rule("\\b(?:\\d{1,3}\\.){3}\\d{1,3}(?::\\d{1,5})?\\b", "<IP>"),
            rule("\\[?(?:[0-9a-fA-F]{1,4}:){2,7}[0-9a-fA-F]{1,4}\\]?(?::\\d{1,5})?", "<IP>"),
            rule("\\b[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+\\b", "<EMAIL>"),
            rule("\\b0x[0-9a-fA-F]+\\b", "<HEX>"),
            rule("\"(?:[^\"\\\\]|\\\\.){0,500}\"", "<STR>"),
            rule("'(?:[^'\\\\]|\\\\.){0,500}'", "<STR>"),
            rule("(?<![\\w/.])(?:/[\\w.@%+~-]+){2,}/?", "<PATH>"),
            rule("\\b\\d+(?:\\.\\d+)?\\s?(?:ns|us|µs|ms|s|sec|secs|seconds|m|min|mins|minutes|h|hours)\\b", "<DUR>"),
            rule("\\b\\d+(?:\\.\\d+)?\\s?(?:[kKMGT]i?B|bytes|B)\\b", "<SIZE>"),
            // An id: a run of letters and digits with at least one of each and 10+ characters (a hash, a request id).
            rule("\\b(?=[0-9a-zA-Z_-]*\\d)(?=[0-9a-zA-Z_-]*[a-zA-Z])[0-9a-zA-Z_-]{10,}\\b", "<ID>"),
            rule("\\b[0-9a-f]{6,}\\b", "<HEX>"),
            rule("(?<![\\w.])[-+]?\\d+(?:\\.\\d+)?(?!\\w|\\.\\d)", "<NUM>"));

    private Masking() {}

    private static Rule rule(String regex, String mask) {
        return new Rule(Pattern.compile(regex), mask);
    }

    public static String mask(String message) {
        var masked = message;
        for (int index = 0; index < RULES.size(); index++) {
            if (!Guards.mayMatch(index, masked)) continue;
            // The last rule, numbers, changes most messages: by hand, as its regex would.
            masked = index == RULES.size() - 1 ? numbers(masked) : RULES.get(index).pattern().matcher(masked).replaceAll(RULES.get(index).mask());
        }
        return masked;
    }

    /** The rules applied one after another, none skipped: what {@link #mask} must always equal. */
    static String maskByRules(String message) {
        var masked = message;
        for (var rule : RULES) masked = rule.pattern().matcher(masked).replaceAll(rule.mask());
        return masked;
    }

    /**
     * {@code (?<![\\w.])[-+]?\\d+(?:\\.\\d+)?(?!\\w|\\.\\d)} replaced by {@code <NUM>}: a number not glued
     * to a word or a dot before it, nor to a word or another ".digit" after it. Backtracking cannot
     * rescue a number whose greedy end fails the look-ahead (a shorter one ends before a digit), so
     * the greedy end is the only one tried.
     */
    static String numbers(String text) {
        StringBuilder out = null;
        int copied = 0;
        int length = text.length();
        for (int start = 0; start < length; start++) {
            if (start > 0 && (word(text.charAt(start - 1)) || text.charAt(start - 1) == '.')) continue;
            int digits = start;
            char first = text.charAt(start);
            if (first == '-' || first == '+') digits++;
            int end = digits;
            while (end < length && digit(text.charAt(end))) end++;
            if (end == digits) continue;
            if (end + 1 < length && text.charAt(end) == '.' && digit(text.charAt(end + 1))) {
                end += 2;
                while (end < length && digit(text.charAt(end))) end++;
            }
            if (end < length && (word(text.charAt(end)) || text.charAt(end) == '.' && end + 1 < length && digit(text.charAt(end + 1)))) continue;
            if (out == null) out = new StringBuilder(length);
            out.append(text, copied, start).append("<NUM>");
            copied = end;
            start = end - 1;
        }
        if (out == null) return text;
        return out.append(text, copied, length).toString();
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean word(char c) {
        return digit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    /** The words of a masked message: split on white space, and "key=value" kept as one word. */
    public static List<String> tokens(String masked) {
        var tokens = new ArrayList<String>();
        int start = -1;
        for (int index = 0; index < masked.length(); index++) {
            boolean space = Character.isWhitespace(masked.charAt(index));
            if (space && start >= 0) {
                tokens.add(masked.substring(start, index));
                start = -1;
            } else if (!space && start < 0) {
                start = index;
            }
        }
        if (start >= 0) tokens.add(masked.substring(start));
        return tokens;
    }
}
