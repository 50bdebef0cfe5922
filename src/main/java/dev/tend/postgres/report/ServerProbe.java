package dev.tend.postgres.report;

import dev.tend.check.Measurement;
import dev.tend.check.Status;
import dev.tend.check.Units;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Sequences near their maximum, transaction-ID wraparound age, and the cache hit ratio. */
final class ServerProbe implements ReportProbe {
    private static final String SEQUENCES = """
            SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename), last_value, min_value, max_value, increment_by
            FROM pg_sequences WHERE last_value IS NOT NULL ORDER BY 1""";

    private static final String WRAPAROUND = """
            SELECT quote_ident(datname), age(datfrozenxid) FROM pg_database WHERE datallowconn ORDER BY 2 DESC""";

    private static final String CACHE = """
            SELECT coalesce(sum(heap_blks_hit), 0), coalesce(sum(heap_blks_read), 0) FROM pg_statio_user_tables""";

    @Override
    public String name() {
        return "server";
    }

    @Override
    public List<Finding> find(Connection connection, ReportPolicy policy) throws SQLException {
        var findings = new ArrayList<Finding>();
        findings.addAll(Rows.query(connection, SEQUENCES, row -> {
            double last = row.getDouble(2);
            double min = row.getDouble(3);
            double max = row.getDouble(4);
            boolean ascending = row.getLong(5) > 0;
            double used = 100.0 * (ascending ? last - min : max - last) / (max - min);
            if (used < policy.sequenceWarnPercent()) return null;
            var severity = used >= policy.sequenceCritPercent() ? Status.CRIT : Status.WARN;
            return new Finding("sequence_exhaustion", row.getString(1), severity,
                    "sequence " + row.getString(1) + " has used " + Units.percent(used) + " of its range (at " + (long) last
                            + " of " + (long) (ascending ? max : min) + ")",
                    "when it runs out, every insert that needs a new value fails",
                    "ALTER SEQUENCE " + row.getString(1) + " AS bigint MAXVALUE 9223372036854775807, and widen the column it feeds",
                    List.of(new Measurement("used", used, "%")));
        }));
        findings.addAll(Rows.query(connection, WRAPAROUND, row -> {
            long age = row.getLong(2);
            if (age < policy.wraparoundWarnAge()) return null;
            var severity = age >= policy.wraparoundCritAge() ? Status.CRIT : Status.WARN;
            return new Finding("wraparound", row.getString(1), severity,
                    "database " + row.getString(1) + " has transaction-ID age " + age + " (" + Units.percent(100.0 * age / 2_147_483_648L)
                            + " of the way to wraparound)",
                    "at about 2.1 billion PostgreSQL stops accepting writes until the database is vacuumed",
                    "VACUUM (FREEZE) the oldest tables of " + row.getString(1) + "; find what holds back autovacuum",
                    List.of(new Measurement("xid_age", age, "count")));
        }));
        findings.addAll(Rows.query(connection, CACHE, row -> {
            long hit = row.getLong(1);
            long read = row.getLong(2);
            if (hit + read < 1000) return null; // too little traffic to judge
            double ratio = 100.0 * hit / (hit + read);
            if (ratio >= policy.cacheHitWarnPercent()) return null;
            return new Finding("cache_hit_ratio", "database", Status.WARN,
                    Units.percent(ratio) + " of table block reads were served from shared buffers (" + read + " from disk)",
                    "below about 99% the working set does not fit in memory and queries wait on disk",
                    "raise shared_buffers or memory, or find the queries reading the most blocks",
                    List.of(new Measurement("cache_hit", ratio, "%")));
        }));
        return findings;
    }
}
