package dev.tend.logs.analyze;

/** An endpoint as requests are counted by: the method and the path without its query, ids masked ({@code /api/v1/datasets/<id>}). */
final class Endpoints {
    private Endpoints() {}

    static String of(String method, String path) {
        int query = path.indexOf('?');
        var bare = query >= 0 ? path.substring(0, query) : path;
        var masked = new StringBuilder(bare.length());
        int start = 0;
        while (start <= bare.length()) {
            int end = bare.indexOf('/', start);
            if (end < 0) end = bare.length();
            var segment = bare.substring(start, end);
            masked.append(isId(segment) ? "<id>" : segment);
            if (end < bare.length()) masked.append('/');
            start = end + 1;
        }
        return method + " " + masked;
    }

    /** All digits; a UUID or long hex; or 8+ characters with a digit among letters (a slug with a number, a token). */
    static boolean isId(String segment) {
        if (segment.isEmpty()) return false;
        boolean digits = true;
        boolean hasDigit = false;
        boolean hex = true;
        for (int index = 0; index < segment.length(); index++) {
            char c = segment.charAt(index);
            boolean digit = c >= '0' && c <= '9';
            digits &= digit;
            hasDigit |= digit;
            hex &= digit || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == '-';
        }
        return digits || hex && segment.length() >= 8 && hasDigit || segment.length() >= 8 && hasDigit;
    }
}
