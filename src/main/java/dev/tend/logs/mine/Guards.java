package dev.tend.logs.mine;

/**
 * For masking rules, tests that are true whenever a rule's regex could match: a character
 * scan, so that a message runs only the few regexes that can change it (a regex pass costs about
 * half a microsecond even when it finds nothing, and there are fourteen). Each test is a necessary
 * condition of its rule, never a guess: {@code MaskingTest} checks that masking with the guards
 * equals masking without them.
 */
final class Guards {
    private Guards() {}

    /** {@code dddd-dd-}: the start of a date. */
    static boolean date(String text) {
        for (int i = text.indexOf('-', 4); i >= 0 && i + 3 < text.length(); i = text.indexOf('-', i + 1)) {
            if (text.charAt(i + 3) == '-' && isDigit(text, i - 4) && isDigit(text, i - 3) && isDigit(text, i - 2) && isDigit(text, i - 1)
                    && isDigit(text, i + 1) && isDigit(text, i + 2)) {
                return true;
            }
        }
        return false;
    }

    /** Dashes 5, 10 and 15 characters after one: the shape of a UUID. */
    static boolean uuid(String text) {
        for (int i = text.indexOf('-'); i >= 0 && i + 15 < text.length(); i = text.indexOf('-', i + 1)) {
            if (text.charAt(i + 5) == '-' && text.charAt(i + 10) == '-' && text.charAt(i + 15) == '-') return true;
        }
        return false;
    }

    /** Three dots, one of them between digits. */
    static boolean ipv4(String text) {
        int dots = 0;
        boolean between = false;
        for (int i = text.indexOf('.'); i >= 0; i = text.indexOf('.', i + 1)) {
            dots++;
            if (isDigit(text, i - 1) && isDigit(text, i + 1)) between = true;
        }
        return dots >= 3 && between;
    }

    /** hex:hex{1,4}:hex — two groups of an IPv6 address. */
    static boolean ipv6(String text) {
        for (int i = text.indexOf(':', 1); i >= 0; i = text.indexOf(':', i + 1)) {
            if (!isHex(text, i - 1)) continue;
            int next = i + 1;
            while (next < text.length() && next - i <= 4 && isHex(text, next)) next++;
            if (next > i + 1 && next < text.length() && text.charAt(next) == ':' && isHex(text, next + 1)) return true;
        }
        return false;
    }

    static boolean twice(String text, char quote) {
        int first = text.indexOf(quote);
        return first >= 0 && text.indexOf(quote, first + 1) >= 0;
    }

    /** Two slashes each followed by a character a path segment may hold. */
    static boolean path(String text) {
        int segments = 0;
        for (int i = text.indexOf('/'); i >= 0; i = text.indexOf('/', i + 1)) {
            if (i + 1 < text.length() && pathCharacter(text.charAt(i + 1)) && ++segments == 2) return true;
        }
        return false;
    }

    private static boolean pathCharacter(char c) {
        return word(c) || c == '.' || c == '@' || c == '%' || c == '+' || c == '~' || c == '-';
    }

    /** A digit followed, perhaps after one blank, by one of {@code units}' first letters. */
    static boolean numberThen(String text, String units) {
        int length = text.length();
        for (int i = 0; i < length - 1; i++) {
            if (!isDigit(text, i)) continue;
            char next = text.charAt(i + 1);
            if (units.indexOf(next) >= 0) return true;
            if (blank(next) && i + 2 < length && units.indexOf(text.charAt(i + 2)) >= 0) return true;
        }
        return false;
    }

    /** A run of 10+ of [0-9a-zA-Z_-] holding a digit and a letter: the shape of an id. */
    static boolean mixedRun(String text) {
        int run = 0;
        boolean digit = false;
        boolean letter = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (word(c) || c == '-') {
                run++;
                digit |= c >= '0' && c <= '9';
                letter |= c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
                if (run >= 10 && digit && letter) return true;
            } else {
                run = 0;
                digit = false;
                letter = false;
            }
        }
        return false;
    }

    /** Six or more of [0-9a-f] in a row. */
    static boolean hexRun(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            run = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' ? run + 1 : 0;
            if (run >= 6) return true;
        }
        return false;
    }

    static boolean digit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isDigit(text, i)) return true;
        }
        return false;
    }

    private static boolean isDigit(String text, int i) {
        if (i < 0 || i >= text.length()) return false;
        char c = text.charAt(i);
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(String text, int i) {
        if (i < 0 || i >= text.length()) return false;
        char c = text.charAt(i);
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** {@code \w} as Java's regexes read it without UNICODE_CHARACTER_CLASS. */
    private static boolean word(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    /** {@code \s} as Java's regexes read it without UNICODE_CHARACTER_CLASS. */
    private static boolean blank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
