package dev.tend.postgres.task;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the tables a task works on by their exact names, and returns them quoted by PostgreSQL
 * itself (format('%I.%I')): names with quotes, spaces and capitals are safe in the SQL built from them.
 */
final class Tables {
    private Tables() {}

    static List<String> resolve(Connection connection, Optional<String> schema, Optional<String> table) throws SQLException {
        var sql = """
                SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'm', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                  AND n.nspname NOT LIKE 'pg_toast%' AND (? IS NULL OR n.nspname = ?) AND (? IS NULL OR c.relname = ?)
                ORDER BY 1""";
        try (var statement = connection.prepareStatement(sql)) {
            var schemaName = schema.orElse(table.isPresent() ? "public" : null);
            statement.setString(1, schemaName);
            statement.setString(2, schemaName);
            statement.setString(3, table.orElse(null));
            statement.setString(4, table.orElse(null));
            try (var rows = statement.executeQuery()) {
                var found = new ArrayList<String>();
                while (rows.next()) found.add(rows.getString(1));
                return found;
            }
        }
    }
}
