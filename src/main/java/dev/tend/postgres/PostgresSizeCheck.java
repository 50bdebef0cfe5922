package dev.tend.postgres;

import dev.tend.check.Check;
import dev.tend.check.Status;
import dev.tend.check.Units;
import dev.tend.check.Verdict;
import java.time.Duration;

/** The database's size on disk, graded only when the user set levels (capacity planning input). */
final class PostgresSizeCheck implements Check {
    private final PostgresTarget target;

    PostgresSizeCheck(PostgresTarget target) {
        this.target = target;
    }

    @Override
    public String name() {
        return "database-size";
    }

    /**
     * The database's size and the other figures that only grow and end in trouble: the largest
     * table, the cluster's transaction-ID age (wraparound at 2^31) and the most-used sequence; and
     * the cache hit ratio since the statistics were reset, for the weekly performance review.
     * Sampled at every check so capacity forecasts have a daily series.
     */
    private static final String FIGURES = """
            SELECT pg_database_size(current_database()),
                   (SELECT coalesce(max(pg_total_relation_size(c.oid)), 0) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE c.relkind IN ('r', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'),
                   (SELECT coalesce(max(age(datfrozenxid)), 0) FROM pg_database WHERE datallowconn),
                   (SELECT coalesce(max(100.0 * CASE WHEN increment_by > 0 THEN last_value - min_value ELSE max_value - last_value END
                                       / nullif(max_value - min_value, 0)), 0)
                      FROM pg_sequences WHERE last_value IS NOT NULL),
                   (SELECT coalesce(100.0 * sum(blks_hit) / nullif(sum(blks_hit) + sum(blks_read), 0), 100) FROM pg_stat_database)""";

    @Override
    public Verdict run(Duration timeout) throws Exception {
        try (var connection = PostgresConnector.open(target, timeout);
                var statement = connection.createStatement();
                var rows = statement.executeQuery(FIGURES)) {
            rows.next();
            long bytes = rows.getLong(1);
            var reason = "database " + target.database() + " uses " + Units.bytes(bytes);
            var status = target.sizeBytes().map(levels -> levels.grade(bytes)).orElse(Status.OK);
            if (!status.isOk()) {
                reason += ", over the " + Units.bytes(target.sizeBytes().get().crossed(bytes)) + " threshold";
            }
            return Verdict.builder().measure("size", bytes, "bytes").measure("largest_table", rows.getLong(2), "bytes")
                    .measure("xid_age", rows.getLong(3), "count").measure("sequence_used", rows.getDouble(4), "%")
                    .measure("cache_hit", rows.getDouble(5), "%").verdict(status, reason);
        }
    }
}
