package dev.tend.logs.mine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Replaces the variable parts of a message with placeholders before templates are mined, so two
 * lines that differ only in an id, a number, an address, a path, a quoted value or a duration
 * read the same: {@code <ID> <NUM> <IP> <PATH> <STR> <DUR> <HEX> <TIME>}. Order matters: the most
 * specific shapes first, so "10.0.0.5:5432" is one address, not numbers.
 */
public final class Masking {
    /**
     * A rule: its regex and placeholder, the character test that must hold for the regex to match
     * at all ({@link Guards}), and for the rules that change most messages the same replacement
     * written by hand.
     */
    private record Rule(Pattern pattern, String mask, Predicate<String> mayMatch, UnaryOperator<String> byHand) {
        String apply(String text) {
            return byHand != null ? byHand.apply(text) : pattern.matcher(text).replaceAll(mask);
        }
    }

    private static final List<Rule> RULES = List.of(
            rule("\\b\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?\\b", "<TIME>", Guards::date),
            rule("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b", "<ID>", Guards::uuid),
            rule("\\b(?:\\d{1,3}\\.){3}\\d{1,3}(?::\\d{1,5})?\\b", "<IP>", Guards::ipv4, Masking::addresses),
            rule("\\[?(?:[0-9a-fA-F]{1,4}:){2,7}[0-9a-fA-F]{1,4}\\]?(?::\\d{1,5})?", "<IP>", Guards::ipv6),
            rule("\\b[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+\\b", "<EMAIL>", text -> text.indexOf('@') >= 0),
            rule("\\b0x[0-9a-fA-F]+\\b", "<HEX>", text -> text.indexOf("0x") >= 0),
            rule("\"(?:[^\"\\\\]|\\\\.){0,500}\"", "<STR>", text -> Guards.twice(text, '"')),
            rule("'(?:[^'\\\\]|\\\\.){0,500}'", "<STR>", text -> Guards.twice(text, '\'')),
            rule("(?<![\\w/.])(?:/[\\w.@%+~-]+){2,}/?", "<PATH>", Guards::path),
            rule("\\b\\d+(?:\\.\\d+)?\\s?(?:ns|us|µs|ms|s|sec|secs|seconds|m|min|mins|minutes|h|hours)\\b", "<DUR>",
                    text -> Guards.numberThen(text, "nuµmsh"), Masking::durations),
            rule("\\b\\d+(?:\\.\\d+)?\\s?(?:[kKMGT]i?B|bytes|B)\\b", "<SIZE>", text -> Guards.numberThen(text, "kKMGTbB")),
            // An id: a run of letters and digits with at least one of each and 10+ characters (a hash, a request id).
            rule("\\b(?=[0-9a-zA-Z_-]*\\d)(?=[0-9a-zA-Z_-]*[a-zA-Z])[0-9a-zA-Z_-]{10,}\\b", "<ID>", Guards::mixedRun),
            rule("\\b[0-9a-f]{6,}\\b", "<HEX>", Guards::hexRun),
            rule("(?<![\\w.])[-+]?\\d+(?:\\.\\d+)?(?!\\w|\\.\\d)", "<NUM>", Guards::digit, Masking::numbers));

    private Masking() {}

    private static Rule rule(String regex, String mask, Predicate<String> mayMatch) {
        return rule(regex, mask, mayMatch, null);
    }

    private static Rule rule(String regex, String mask, Predicate<String> mayMatch, UnaryOperator<String> byHand) {
        return new Rule(Pattern.compile(regex), mask, mayMatch, byHand);
    }

    public static String mask(String message) {
        var masked = message;
        for (var rule : RULES) {
            if (rule.mayMatch().test(masked)) masked = rule.apply(masked);
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
        var out = new Replaced(text);
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
            out.replace(start, end, "<NUM>");
            start = end - 1;
        }
        return out.result();
    }

    /** A text with some ranges replaced, built only once the first one is. */
    private static final class Replaced {
        private final String text;
        private StringBuilder out;
        private int copied;

        Replaced(String text) {
            this.text = text;
        }

        void replace(int from, int to, String mask) {
            if (out == null) out = new StringBuilder(text.length());
            out.append(text, copied, from).append(mask);
            copied = to;
        }

        String result() {
            return out == null ? text : out.append(text, copied, text.length()).toString();
        }
    }

    /** Units of {@code <DUR>}, in the regex's order. */
    private static final String[] UNITS = {"ns", "us", "µs", "ms", "s", "sec", "secs", "seconds", "m", "min", "mins", "minutes", "h", "hours"};

    /**
     * {@code \\b\\d+(?:\\.\\d+)?\\s?(?:ns|us|µs|ms|s|...|hours)\\b} replaced by {@code <DUR>}: a number
     * starting a word, perhaps one blank, and a unit that ends a word. A shorter number or fraction
     * would leave a digit where the unit must be, so only the greedy one is tried.
     */
    static String durations(String text) {
        var out = new Replaced(text);
        int length = text.length();
        for (int start = 0; start < length; start++) {
            if (!digit(text.charAt(start)) || start > 0 && word(text.charAt(start - 1))) continue;
            int end = start;
            while (end < length && digit(text.charAt(end))) end++;
            if (end + 1 < length && text.charAt(end) == '.' && digit(text.charAt(end + 1))) {
                end += 2;
                while (end < length && digit(text.charAt(end))) end++;
            }
            if (end < length && blank(text.charAt(end))) end++;
            int unit = unitEnd(text, end);
            if (unit < 0) continue;
            out.replace(start, unit, "<DUR>");
            start = unit - 1;
        }
        return out.result();
    }

    /** Where the unit at {@code at} ends, when one is there and ends a word; else -1. */
    private static int unitEnd(String text, int at) {
        for (var unit : UNITS) {
            int end = at + unit.length();
            if (text.startsWith(unit, at) && (end == text.length() || !word(text.charAt(end)))) return end;
        }
        return -1;
    }

    /**
     * {@code \\b(?:\\d{1,3}\\.){3}\\d{1,3}(?::\\d{1,5})?\\b} replaced by {@code <IP>}: four groups of one to
     * three digits, each ending where the next character is no digit, and a port kept only when it
     * ends a word (else the address alone, which ends before the colon).
     */
    static String addresses(String text) {
        var out = new Replaced(text);
        int length = text.length();
        for (int start = 0; start < length; start++) {
            if (!digit(text.charAt(start)) || start > 0 && word(text.charAt(start - 1))) continue;
            int end = start;
            boolean address = true;
            for (int group = 0; group < 4 && address; group++) {
                int digits = end;
                while (end < length && end - digits < 3 && digit(text.charAt(end))) end++;
                if (end == digits || end < length && digit(text.charAt(end))) address = false;
                else if (group < 3) {
                    if (end < length && text.charAt(end) == '.') end++;
                    else address = false;
                }
            }
            if (!address || end < length && word(text.charAt(end))) continue;
            if (end + 1 < length && text.charAt(end) == ':' && digit(text.charAt(end + 1))) {
                int port = end + 1;
                while (port < length && port - end - 1 < 5 && digit(text.charAt(port))) port++;
                if (port == length || !word(text.charAt(port))) end = port;
            }
            out.replace(start, end, "<IP>");
            start = end - 1;
        }
        return out.result();
    }

    /** {@code \\s} without UNICODE_CHARACTER_CLASS. */
    private static boolean blank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
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
