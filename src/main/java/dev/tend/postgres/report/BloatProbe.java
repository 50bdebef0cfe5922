package dev.tend.postgres.report;

import dev.tend.check.Measurement;
import dev.tend.check.Status;
import dev.tend.check.Units;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Table bloat estimated from the planner's statistics, the way check_postgres and the widely used
 * ioguix query do it: the pages the live rows would need (from pg_stats average widths, tuple
 * headers, alignment and fillfactor) against the pages the table has. No table is read or locked.
 */
final class BloatProbe implements ReportProbe {
    private static final String TABLE_BLOAT = """
            SELECT format('%I.%I', schemaname, tblname), tblpages * bs AS real_size,
                   greatest(tblpages - est_tblpages_ff, 0) * bs AS bloat_size,
                   CASE WHEN tblpages > 0 THEN 100 * greatest(tblpages - est_tblpages_ff, 0) / tblpages::float ELSE 0 END AS bloat_pct
            FROM (
              SELECT ceil(reltuples / ((bs - page_hdr) * fillfactor / (tpl_size * 100))) + ceil(toasttuples / 4) AS est_tblpages_ff,
                     tblpages, bs, schemaname, tblname, is_na
              FROM (
                SELECT (4 + tpl_hdr_size + tpl_data_size + (2 * ma)
                          - CASE WHEN tpl_hdr_size % ma = 0 THEN ma ELSE tpl_hdr_size % ma END
                          - CASE WHEN ceil(tpl_data_size)::int % ma = 0 THEN ma ELSE ceil(tpl_data_size)::int % ma END) AS tpl_size,
                       heappages + toastpages AS tblpages, reltuples, toasttuples, bs, page_hdr, schemaname, tblname, fillfactor, is_na
                FROM (
                  SELECT ns.nspname AS schemaname, tbl.relname AS tblname, tbl.reltuples, tbl.relpages AS heappages,
                         coalesce(toast.relpages, 0) AS toastpages, coalesce(toast.reltuples, 0) AS toasttuples,
                         coalesce(substring(array_to_string(tbl.reloptions, ' ') FROM 'fillfactor=([0-9]+)')::smallint, 100) AS fillfactor,
                         current_setting('block_size')::numeric AS bs,
                         8 AS ma, 24 AS page_hdr,
                         23 + CASE WHEN max(coalesce(s.null_frac, 0)) > 0 THEN (7 + count(s.attname)) / 8 ELSE 0::int END AS tpl_hdr_size,
                         sum((1 - coalesce(s.null_frac, 0)) * coalesce(s.avg_width, 0)) AS tpl_data_size,
                         bool_or(att.atttypid = 'pg_catalog.name'::regtype)
                           OR sum(CASE WHEN att.attnum > 0 THEN 1 ELSE 0 END) <> count(s.attname) AS is_na
                  FROM pg_attribute att
                  JOIN pg_class tbl ON att.attrelid = tbl.oid
                  JOIN pg_namespace ns ON ns.oid = tbl.relnamespace
                  LEFT JOIN pg_stats s ON s.schemaname = ns.nspname AND s.tablename = tbl.relname
                       AND s.inherited = false AND s.attname = att.attname
                  LEFT JOIN pg_class toast ON tbl.reltoastrelid = toast.oid
                  WHERE NOT att.attisdropped AND att.attnum > 0 AND tbl.relkind IN ('r', 'm')
                    AND ns.nspname NOT IN ('pg_catalog', 'information_schema') AND ns.nspname NOT LIKE 'pg_toast%'
                  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
                ) AS columns
              ) AS sizes
            ) AS estimates
            WHERE NOT is_na AND tblpages * bs >= ?
              AND CASE WHEN tblpages > 0 THEN 100 * greatest(tblpages - est_tblpages_ff, 0) / tblpages::float ELSE 0 END >= ?
            ORDER BY bloat_size DESC, 1""";

    @Override
    public String name() {
        return "bloat";
    }

    @Override
    public List<Finding> find(Connection connection, ReportPolicy policy) throws SQLException {
        return Rows.query(connection, TABLE_BLOAT, row -> new Finding("table_bloat", row.getString(1), Status.WARN,
                row.getString(1) + " takes " + Units.bytes(row.getDouble(2)) + " of which about " + Units.bytes(row.getDouble(3))
                        + " (" + Units.percent(row.getDouble(4)) + ") is free space its live rows do not need (estimated from statistics)",
                "bloated tables are slower to scan and back up; VACUUM makes the space reusable, only a rewrite returns it",
                "VACUUM (ANALYZE) " + row.getString(1) + "; to give the space back, pg_repack or VACUUM FULL in a maintenance window",
                List.of(new Measurement("size", row.getDouble(2), "bytes"), new Measurement("bloat", row.getDouble(3), "bytes"),
                        new Measurement("bloat_percent", row.getDouble(4), "%"))),
                policy.tableBloatMinBytes(), policy.tableBloatPercent());
    }
}
