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
        for (var rule : RULES) {
            if (!mayMatch(rule, masked)) continue;
            masked = rule.pattern().matcher(masked).replaceAll(rule.mask());
        }
        return masked;
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

    /** Cheap guards: most rules need a digit, a quote or a slash to match at all. */
    private static boolean mayMatch(Rule rule, String text) {
        return switch (rule.mask()) {
            case "<STR>" -> text.indexOf('"') >= 0 || text.indexOf('\'') >= 0;
            case "<PATH>" -> text.indexOf('/') >= 0;
            case "<EMAIL>" -> text.indexOf('@') >= 0;
            default -> hasDigit(text);
        };
    }

    private static boolean hasDigit(String text) {
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            if (c >= '0' && c <= '9') return true;
        }
        return false;
    }
}
