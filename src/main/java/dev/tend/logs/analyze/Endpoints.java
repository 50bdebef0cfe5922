package dev.tend.logs.analyze;

/** An endpoint as requests are counted by: the method and the path without its query, ids masked ({@code /api/v1/datasets/<id>}). */
final class Endpoints {
    private Endpoints() {}

    static String of(String method, String path) {
        int query = path.indexOf('?');
        int bare = query >= 0 ? query : path.length();
        var masked = new StringBuilder(method.length() + 1 + bare).append(method).append(' ');
        int start = 0;
        while (start <= bare) {
            int end = path.indexOf('/', start);
            if (end < 0 || end > bare) end = bare;
            if (isId(path, start, end)) masked.append("<id>");
            else masked.append(path, start, end);
            if (end < bare) masked.append('/');
            start = end + 1;
        }
        return masked.toString();
    }

    /** Whether {@code text[from, to)}, a path's segment, is an id: all digits; a UUID or long hex; or 8+ characters with a digit among letters. */
    private static boolean isId(String text, int from, int to) {
        int length = to - from;
        if (length == 0) return false;
        boolean digits = true;
        boolean hasDigit = false;
        boolean hex = true;
        for (int index = from; index < to; index++) {
            char c = text.charAt(index);
            boolean digit = c >= '0' && c <= '9';
            digits &= digit;
            hasDigit |= digit;
            hex &= digit || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == '-';
        }
        return digits || hex && length >= 8 && hasDigit || length >= 8 && hasDigit;
    }
}
