package dev.tend.logs.analyze;

/**
 * A statement with its values taken out, so the same query with other values counts as one (as
 * pgBadger's and pg_stat_statements' normalization do): string and number literals and $n
 * parameters become {@code ?}, a list of them {@code (...)}, white space one blank, keywords upper case.
 */
final class SqlNormalizer {
    private SqlNormalizer() {}

    private static final java.util.regex.Pattern LIST = java.util.regex.Pattern.compile("\\(\\s*\\?(?:\\s*,\\s*\\?)+\\s*\\)");
    private static final java.util.regex.Pattern LISTS = java.util.regex.Pattern.compile("(?:\\(\\.\\.\\.\\)\\s*,\\s*)+\\(\\.\\.\\.\\)");

    static String normalize(String text) {
        var sql = text.toCharArray();
        var out = new StringBuilder(Math.min(sql.length, 4096));
        int index = 0;
        int length = sql.length;
        while (index < length && out.length() < 2000) {
            char c = sql[index];
            if (c == '\'') {
                index++;
                while (index < length) {
                    if (sql[index] == '\'' && index + 1 < length && sql[index + 1] == '\'') index += 2;
                    else if (sql[index] == '\'') break;
                    else index++;
                }
                index++;
                out.append('?');
            } else if (c == '$' && index + 1 < length && Character.isDigit(sql[index + 1]) || Character.isDigit(c) && !identifierBefore(out)) {
                index++;
                while (index < length && (Character.isDigit(sql[index]) || sql[index] == '.')) index++;
                out.append('?');
            } else if (Character.isWhitespace(c)) {
                while (index < length && Character.isWhitespace(sql[index])) index++;
                if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ') out.append(' ');
            } else if (Character.isLetter(c) || c == '_') {
                int start = index;
                while (index < length && (Character.isLetterOrDigit(sql[index]) || sql[index] == '_')) index++;
                var word = new String(sql, start, index - start);
                out.append(KEYWORDS.contains(word.toUpperCase(java.util.Locale.ROOT)) ? word.toUpperCase(java.util.Locale.ROOT) : word);
            } else {
                out.append(c);
                index++;
            }
        }
        var normalized = out.toString().strip();
        if (normalized.indexOf(',') < 0) return normalized;
        return LISTS.matcher(LIST.matcher(normalized).replaceAll("(...)")).replaceAll("(...)");
    }

    private static boolean identifierBefore(StringBuilder out) {
        if (out.isEmpty()) return false;
        char last = out.charAt(out.length() - 1);
        return Character.isLetterOrDigit(last) || last == '_';
    }

    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "IS", "NULL", "INSERT",
            "INTO", "VALUES", "UPDATE", "SET", "DELETE", "JOIN", "LEFT", "RIGHT", "INNER", "OUTER", "ON", "GROUP", "BY", "ORDER", "LIMIT", "OFFSET",
            "AS", "DISTINCT", "HAVING", "UNION", "ALL", "CASE", "WHEN", "THEN", "ELSE", "END", "BEGIN", "COMMIT", "ROLLBACK", "WITH", "RETURNING",
            "ASC", "DESC", "LIKE", "ILIKE", "BETWEEN", "EXISTS", "COUNT", "SUM", "MIN", "MAX", "AVG", "COPY", "VACUUM", "ANALYZE", "CREATE", "DROP",
            "ALTER", "TABLE", "INDEX");
}
