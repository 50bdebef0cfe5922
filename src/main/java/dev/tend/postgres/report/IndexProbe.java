package dev.tend.postgres.report;

import dev.tend.check.Measurement;
import dev.tend.check.Status;
import dev.tend.check.Units;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Invalid, duplicate and unused indexes: what PgHero and check_postgres flag on indexes. */
final class IndexProbe implements ReportProbe {
    // Sizes come from pg_class.relpages, not pg_relation_size(): that takes a lock, and a report
    // must not queue behind the very lock it is about to report.
    private static final String SIZE = "c.relpages::bigint * current_setting('block_size')::bigint";
    private static final String USER_SCHEMAS = " n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'";

    private static final String INVALID = """
            SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), quote_ident(n.nspname) || '.' || quote_ident(t.relname),
                   """ + SIZE + """

            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE NOT i.indisvalid AND """ + USER_SCHEMAS + " ORDER BY 1";

    // Same table, same key columns, operator classes, expressions and predicate: one of the two is
    // redundant. The one kept is the one that enforces something (primary key, unique). Expressions
    // are compared as stored node trees: pg_get_expr() would lock the table to print them.
    private static final String DUPLICATE = """
            SELECT quote_ident(n.nspname) || '.' || quote_ident(ca.relname), quote_ident(n.nspname) || '.' || quote_ident(cb.relname),
                   quote_ident(n.nspname) || '.' || quote_ident(t.relname), ca.relpages::bigint * current_setting('block_size')::bigint,
                   a.indisunique OR a.indisprimary, b.indisunique OR b.indisprimary,
                   cb.relpages::bigint * current_setting('block_size')::bigint
            FROM pg_index a JOIN pg_index b ON a.indrelid = b.indrelid AND a.indexrelid < b.indexrelid
                 AND a.indkey::text = b.indkey::text AND a.indclass::text = b.indclass::text
                 AND coalesce(a.indexprs::text, '') = coalesce(b.indexprs::text, '')
                 AND coalesce(a.indpred::text, '') = coalesce(b.indpred::text, '')
            JOIN pg_class ca ON ca.oid = a.indexrelid JOIN pg_class cb ON cb.oid = b.indexrelid
            JOIN pg_class t ON t.oid = a.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE a.indisvalid AND b.indisvalid AND """ + USER_SCHEMAS + " ORDER BY 1";

    private static final String UNUSED = """
            SELECT quote_ident(s.schemaname) || '.' || quote_ident(s.indexrelname), quote_ident(s.schemaname) || '.' || quote_ident(s.relname),
                   s.idx_scan, """ + SIZE + """
            ,
                   (SELECT stats_reset FROM pg_stat_database WHERE datname = current_database())
            FROM pg_stat_user_indexes s JOIN pg_index i ON i.indexrelid = s.indexrelid JOIN pg_class c ON c.oid = s.indexrelid
            WHERE NOT i.indisunique AND NOT i.indisprimary AND i.indisvalid AND s.idx_scan <= ?
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = s.indexrelid)
            ORDER BY c.relpages DESC, 1""";

    @Override
    public String name() {
        return "indexes";
    }

    @Override
    public List<Finding> find(Connection connection, ReportPolicy policy) throws SQLException {
        var findings = new ArrayList<Finding>();
        findings.addAll(Rows.query(connection, INVALID, row -> new Finding("invalid_index", row.getString(1), Status.CRIT,
                "index " + row.getString(1) + " on " + row.getString(2) + " is invalid (" + Units.bytes(row.getLong(3))
                        + "): queries do not use it but every write still maintains it",
                "usually left by a CREATE INDEX CONCURRENTLY or REINDEX CONCURRENTLY that failed",
                "REINDEX INDEX CONCURRENTLY " + row.getString(1),
                List.of(new Measurement("size", row.getLong(3), "bytes")))));
        findings.addAll(Rows.query(connection, DUPLICATE, row -> {
            boolean firstEnforces = row.getBoolean(5);
            boolean secondEnforces = row.getBoolean(6);
            if (firstEnforces && secondEnforces) return null; // two constraints: a schema decision, not Tend's
            // Keep the one that enforces something; between equals keep the older, drop the newer.
            var dropSecond = !secondEnforces;
            var redundant = dropSecond ? row.getString(2) : row.getString(1);
            var kept = dropSecond ? row.getString(1) : row.getString(2);
            return new Finding("duplicate_index", redundant, Status.WARN,
                    "index " + redundant + " on " + row.getString(3) + " duplicates " + kept + " (same columns, expressions and predicate)",
                    "a duplicate costs disk, memory and write time and serves no query the other cannot",
                    "DROP INDEX CONCURRENTLY " + redundant,
                    List.of(new Measurement("size", row.getLong(dropSecond ? 7 : 4), "bytes")));
        }));
        findings.addAll(Rows.query(connection, UNUSED, row -> {
            var reset = row.getTimestamp(5);
            var since = reset == null ? "since statistics began" : "since statistics were reset on " + reset.toInstant();
            return new Finding("unused_index", row.getString(1), Status.WARN,
                    "index " + row.getString(1) + " on " + row.getString(2) + " was scanned " + row.getLong(3) + " times "
                            + since + " and takes " + Units.bytes(row.getLong(4)),
                    "an unused index slows every write and takes space; check replicas before dropping it",
                    "DROP INDEX CONCURRENTLY " + row.getString(1),
                    List.of(new Measurement("idx_scan", row.getLong(3), "count"), new Measurement("size", row.getLong(4), "bytes")));
        }, policy.unusedIndexMaxScans()));
        return findings;
    }
}
