package dev.tend.postgres.report;

import dev.tend.check.Measurement;
import dev.tend.check.Status;
import dev.tend.check.Units;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The database's size and its ten largest tables, as notes: capacity planning wants them in every
 * report. Sizes come from pg_class.relpages (as of the last VACUUM or ANALYZE): pg_total_relation_size
 * would lock each table, and a report must not wait behind a lock.
 */
final class SizeProbe implements ReportProbe {
    private static final String LARGEST = """
            SELECT format('%I.%I', n.nspname, c.relname),
                   (c.relpages + coalesce(t.relpages, 0)
                    + coalesce((SELECT sum(i.relpages) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = c.oid), 0))
                   * current_setting('block_size')::bigint,
                   c.reltuples::bigint
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_class t ON t.oid = c.reltoastrelid
            WHERE c.relkind IN ('r', 'm', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
            ORDER BY 2 DESC, 1 LIMIT 10""";

    @Override
    public String name() {
        return "sizes";
    }

    @Override
    public List<Finding> find(Connection connection, ReportPolicy policy) throws SQLException {
        var notes = new ArrayList<Finding>();
        // pg_database_size reads the directory, not a table: no lock to wait for.
        notes.addAll(Rows.query(connection, "SELECT quote_ident(current_database()), pg_database_size(current_database())",
                row -> new Finding("database_size", row.getString(1), Status.OK,
                        "database " + row.getString(1) + " takes " + Units.bytes(row.getLong(2)),
                        "the figure capacity planning tracks over time", "none needed",
                        List.of(new Measurement("size", row.getLong(2), "bytes")))));
        notes.addAll(Rows.query(connection, LARGEST, row -> row.getLong(2) == 0 ? null : tableSize(row.getString(1), row.getLong(2), row.getLong(3))));
        return notes;
    }

    /** reltuples is -1 for a table never vacuumed or analyzed (PostgreSQL 14+): no estimate, not "-1 rows". */
    private static Finding tableSize(String table, long bytes, long rows) {
        var size = new Measurement("size", bytes, "bytes");
        return new Finding("table_size", table, Status.OK,
                table + " takes about " + Units.bytes(bytes) + " with its indexes and TOAST ("
                        + (rows < 0 ? "no row estimate yet: never vacuumed or analyzed" : rows + " rows estimated") + ")",
                "one of the ten largest tables: where growth, bloat and slow scans matter most", "none needed",
                rows < 0 ? List.of(size) : List.of(size, new Measurement("rows", rows, "count")));
    }
}
