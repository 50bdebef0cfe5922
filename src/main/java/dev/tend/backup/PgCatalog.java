package dev.tend.backup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The few catalog reads backups and verifications share: versions, sizes, tables and their rows. */
final class PgCatalog {
    /** The tables pg_dump dumps rows of: user tables, not catalogs and not those an extension owns. */
    private static final String USER_TABLES = """
            SELECT n.nspname, c.relname, greatest(c.reltuples, 0)::bigint
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind = 'r' AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
            ORDER BY 1, 2""";

    private PgCatalog() {}

    static String text(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    static long number(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Every user table with count(*) of its own rows (not its partitions' or children's). */
    static List<Manifest.TableRows> exactCounts(Connection connection) throws SQLException {
        var counted = new ArrayList<Manifest.TableRows>();
        for (var table : estimates(connection)) {
            counted.add(new Manifest.TableRows(table.schema(), table.table(),
                    number(connection, "SELECT count(*) FROM ONLY " + quote(table.schema()) + "." + quote(table.table()))));
        }
        return counted;
    }

    static List<Manifest.TableRows> estimates(Connection connection) throws SQLException {
        var tables = new ArrayList<Manifest.TableRows>();
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(USER_TABLES)) {
            while (rows.next()) tables.add(new Manifest.TableRows(rows.getString(1), rows.getString(2), rows.getLong(3)));
        }
        return tables;
    }

    /** An identifier quoted as PostgreSQL's quote_ident would: always quoted, quotes doubled. */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
