package dev.tend.postgres.report;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Runs a catalog query and maps each row; probes stay declarative. */
final class Rows {
    private Rows() {}

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    static <T> List<T> query(Connection connection, String sql, RowMapper<T> mapper, Object... parameters) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) statement.setObject(i + 1, parameters[i]);
            try (var rows = statement.executeQuery()) {
                var mapped = new ArrayList<T>();
                while (rows.next()) {
                    var value = mapper.map(rows);
                    if (value != null) mapped.add(value);
                }
                return mapped;
            }
        }
    }
}
