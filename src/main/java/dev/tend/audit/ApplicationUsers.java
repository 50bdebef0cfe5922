package dev.tend.audit;

import dev.tend.postgres.PostgresConnector;
import dev.tend.postgres.PostgresTarget;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An application's users, read by the configured query in a read-only transaction (the
 * connection's statement and lock timeouts apply). Columns are found by name: user or username,
 * and when present role, last_login, is_superuser and admin.
 */
final class ApplicationUsers {
    private ApplicationUsers() {}

    static Listing list(PostgresTarget target, AccessReviewSettings settings, Duration timeout) throws SQLException {
        var accounts = new ArrayList<Account>();
        try (var connection = PostgresConnector.open(target, timeout)) {
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement(); var rows = statement.executeQuery(settings.users().orElseThrow())) {
                var columns = columns(rows);
                var user = first(columns, "user", "username", "name")
                        .orElseThrow(() -> new SQLException("the users query of access review " + settings.name()
                                + " returns no user or username column (it returns " + String.join(", ", columns) + ")"));
                var role = first(columns, "role");
                var lastLogin = first(columns, "last_login", "last_seen");
                var superuser = first(columns, "is_superuser", "superuser");
                var admin = first(columns, "admin", "is_admin", "is_staff");
                while (rows.next()) {
                    var roles = role.map(column -> string(rows, column)).filter(value -> value != null).map(List::of).orElse(List.<String>of());
                    boolean isSuper = superuser.map(column -> bool(rows, column)).orElse(false);
                    boolean isAdmin = !isSuper && (admin.map(column -> bool(rows, column)).orElse(false) || roles.stream().anyMatch(settings.adminRoles()::contains));
                    Optional<Instant> seen = lastLogin.map(column -> timestamp(rows, column));
                    accounts.add(new Account(string(rows, user), roles, isSuper, isAdmin, true, seen,
                            lastLogin.isPresent() && seen.isEmpty() ? List.of("never logged in") : List.of()));
                }
            } finally {
                connection.rollback();
            }
        }
        return new Listing("users of the application in " + target.where(), accounts, List.of());
    }

    private static Set<String> columns(ResultSet rows) throws SQLException {
        var names = new HashSet<String>();
        for (int index = 1; index <= rows.getMetaData().getColumnCount(); index++) names.add(rows.getMetaData().getColumnLabel(index).toLowerCase(Locale.ROOT));
        return names;
    }

    private static Optional<String> first(Set<String> columns, String... names) {
        return java.util.Arrays.stream(names).filter(columns::contains).findFirst();
    }

    private static String string(ResultSet rows, String column) {
        try {
            return rows.getString(column);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean bool(ResultSet rows, String column) {
        var value = string(rows, column);
        return value != null && List.of("t", "true", "1", "yes", "y").contains(value.toLowerCase(Locale.ROOT));
    }

    private static Instant timestamp(ResultSet rows, String column) {
        try {
            Timestamp value = rows.getTimestamp(column);
            return value == null ? null : value.toInstant();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
