package dev.tend.postgres.report;

import dev.tend.check.Measurement;
import dev.tend.check.Status;
import dev.tend.check.Units;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * B-tree index bloat estimated from statistics: the leaf pages the index's rows would need
 * (average key widths from pg_stats, an 8-byte tuple header and 4-byte line pointer per row,
 * 8-byte alignment, the default 90% leaf fillfactor) against the pages it has. Expression and
 * partial indexes are skipped: their widths are not in pg_stats. No index is read or locked.
 */
public final class IndexBloatProbe implements ReportProbe {
    private static final String INDEX_BLOAT = """
            SELECT index_name, table_name, actual_bytes, greatest(actual_pages - expected_pages, 0) * bs AS bloat_bytes,
                   100.0 * greatest(actual_pages - expected_pages, 0) / greatest(actual_pages, 1) AS bloat_pct
            FROM (
              SELECT format('%I.%I', n.nspname, ic.relname) AS index_name, format('%I.%I', n.nspname, tc.relname) AS table_name,
                     ic.relpages AS actual_pages, ic.relpages::bigint * current_setting('block_size')::bigint AS actual_bytes,
                     current_setting('block_size')::bigint AS bs,
                     1 + ceil(ic.reltuples * (8 * ceil((8 + sum(coalesce(s.avg_width, 1024))) / 8.0) + 4)
                              / ((current_setting('block_size')::bigint - 24 - 16) * 0.9)) AS expected_pages,
                     count(s.attname) = count(*) AS all_columns_known
              FROM pg_index i
              JOIN pg_class ic ON ic.oid = i.indexrelid
              JOIN pg_class tc ON tc.oid = i.indrelid
              JOIN pg_namespace n ON n.oid = ic.relnamespace
              JOIN pg_am am ON am.oid = ic.relam AND am.amname = 'btree'
              JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
              LEFT JOIN pg_stats s ON s.schemaname = n.nspname AND s.tablename = tc.relname AND s.attname = a.attname
                   AND NOT s.inherited
              WHERE i.indisvalid AND i.indexprs IS NULL AND i.indpred IS NULL
                AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
              GROUP BY n.nspname, ic.relname, tc.relname, ic.relpages, ic.reltuples
            ) AS estimates
            WHERE all_columns_known AND actual_bytes >= ?
              AND 100.0 * greatest(actual_pages - expected_pages, 0) / greatest(actual_pages, 1) >= ?
            ORDER BY bloat_bytes DESC, 1""";

    @Override
    public String name() {
        return "index bloat";
    }

    /** The indexes the report would call bloated under this policy (what pg.reindex --bloated rebuilds). */
    public static List<String> bloatedIndexes(Connection connection, ReportPolicy policy) throws SQLException {
        return new IndexBloatProbe().find(connection, policy).stream().map(Finding::object).toList();
    }

    @Override
    public List<Finding> find(Connection connection, ReportPolicy policy) throws SQLException {
        return Rows.query(connection, INDEX_BLOAT, row -> new Finding("index_bloat", row.getString(1), Status.WARN,
                "index " + row.getString(1) + " on " + row.getString(2) + " takes " + Units.bytes(row.getDouble(3)) + " of which about "
                        + Units.bytes(row.getDouble(4)) + " (" + Units.percent(row.getDouble(5)) + ") its rows do not need (estimated)",
                "a bloated index costs memory and I/O on every lookup; rebuilding it gives the space back",
                "REINDEX INDEX CONCURRENTLY " + row.getString(1) + "  -- tend run pg.reindex",
                List.of(new Measurement("size", row.getDouble(3), "bytes"), new Measurement("bloat", row.getDouble(4), "bytes"),
                        new Measurement("bloat_percent", row.getDouble(5), "%"))),
                policy.tableBloatMinBytes(), policy.tableBloatPercent());
    }
}
