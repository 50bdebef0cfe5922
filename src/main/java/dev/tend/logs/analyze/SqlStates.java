package dev.tend.logs.analyze;

import java.util.Map;

/**
 * SQLSTATE classes by name, the kinds of database error the runbooks look for, and the SQLSTATE of
 * PostgreSQL's commonest messages for logs whose prefix does not carry {@code %e}.
 */
final class SqlStates {
    private static final Map<String, String> CLASSES = Map.ofEntries(
            Map.entry("08", "connection exception"), Map.entry("22", "data exception"), Map.entry("23", "integrity constraint violation"),
            Map.entry("25", "invalid transaction state"), Map.entry("28", "invalid authorization"), Map.entry("3D", "invalid catalog name"),
            Map.entry("40", "transaction rollback"), Map.entry("42", "syntax error or access rule violation"), Map.entry("53", "insufficient resources"),
            Map.entry("54", "program limit exceeded"), Map.entry("55", "object not in prerequisite state"), Map.entry("57", "operator intervention"),
            Map.entry("58", "system error"), Map.entry("XX", "internal error"), Map.entry("P0", "PL/pgSQL error"));

    private SqlStates() {}

    static String className(String state) {
        if (state == null || state.length() < 2) return "unknown (no SQLSTATE in the log)";
        var code = state.substring(0, 2);
        return code + " " + CLASSES.getOrDefault(code, "other");
    }

    /** The SQLSTATE a message of PostgreSQL's own means, when the log line did not say. */
    static String guess(String message) {
        if (message.startsWith("deadlock detected")) return "40P01";
        if (message.contains("due to lock timeout")) return "55P03";
        if (message.contains("due to statement timeout")) return "57014";
        if (message.startsWith("sorry, too many clients") || message.contains("connection slots are reserved")) return "53300";
        if (message.startsWith("duplicate key value")) return "23505";
        if (message.contains("violates foreign key constraint")) return "23503";
        if (message.contains("violates not-null constraint")) return "23502";
        if (message.startsWith("relation ") && message.contains(" does not exist")) return "42P01";
        if (message.startsWith("column ") && message.contains(" does not exist")) return "42703";
        if (message.startsWith("syntax error")) return "42601";
        if (message.startsWith("permission denied")) return "42501";
        if (message.startsWith("password authentication failed")) return "28P01";
        if (message.startsWith("database ") && message.contains(" does not exist")) return "3D000";
        if (message.startsWith("could not serialize access")) return "40001";
        if (message.startsWith("terminating connection due to administrator command")) return "57P01";
        if (message.startsWith("out of memory")) return "53200";
        if (message.startsWith("could not extend file") || message.contains("No space left on device")) return "53100";
        if (message.startsWith("division by zero")) return "22012";
        if (message.startsWith("invalid input syntax")) return "22P02";
        return null;
    }

    /** The runbooks' named kinds of trouble, if the error is one. */
    static String kind(String state, String message) {
        var lower = message.toLowerCase(java.util.Locale.ROOT);
        if ("40P01".equals(state) || lower.contains("deadlock detected")) return "deadlocks";
        if ("55P03".equals(state) || lower.contains("lock timeout")) return "lock timeouts";
        if ("53300".equals(state) || lower.contains("too many clients")) return "too many clients";
        if (state != null && state.startsWith("08") || lower.contains("connection refused") || lower.contains("could not connect")) {
            return "connection refusals";
        }
        return null;
    }
}
