package dev.tend.postgres.report;

import dev.tend.config.spec.DurationSpec;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.Fields;
import dev.tend.config.spec.NumberSpec;
import dev.tend.config.spec.ObjectSpec;
import java.time.Duration;

/** The {@code report:} mapping of a postgres target: whether to run it as a check, and its levels. */
public final class ReportSettings {
    private static final DurationSpec AGE = DurationSpec.between(Duration.ZERO, Duration.ofDays(365));
    private static final NumberSpec PERCENT = NumberSpec.decimal(0, 100);
    private static final NumberSpec COUNT = NumberSpec.whole(0, Long.MAX_VALUE);

    private ReportSettings() {}

    public static Field field() {
        return Field.withDefault("report", ObjectSpec.of("the database report (tend pg report) and its levels",
                Field.withDefault("check", new dev.tend.config.spec.BooleanSpec(), "false",
                        "also run the report as a check named report"),
                Field.withDefault("unusedIndexScans", COUNT, "0", "an index scanned at most this often is unused"),
                Field.withDefault("missingIndexRows", COUNT, "10000", "tables from this many rows are judged for missing indexes"),
                Field.withDefault("missingIndexUse", PERCENT, "95", "index use (% of scans) below which an index is missing"),
                Field.withDefault("deadTuples", COUNT, "10000", "dead tuples from which a table is reported"),
                Field.withDefault("deadTuplesPercent", PERCENT, "20", "share of dead tuples from which a table is reported"),
                Field.withDefault("idleSession", AGE, "1h", "idle sessions older than this are reported (the runbooks' hour)"),
                Field.withDefault("idleInTransaction", AGE, "5m", "idle-in-transaction sessions older than this"),
                Field.withDefault("longQuery", AGE, "5m", "queries running longer than this"),
                Field.withDefault("sequenceWarn", PERCENT, "75", "share of a sequence's range that warns"),
                Field.withDefault("sequenceCrit", PERCENT, "90", "share of a sequence's range that is critical"),
                Field.withDefault("cacheHit", PERCENT, "99", "cache hit ratio (%) below which the report warns"),
                Field.withDefault("connections", PERCENT, "80", "connections in use (% of max_connections) that are reported"),
                Field.withDefault("slowQueryMean", AGE, "100ms", "pg_stat_statements entries with a mean this slow"),
                Field.withDefault("tableBloatSize", new dev.tend.config.spec.SizeSpec(), "10MB", "tables from this size are judged for bloat"),
                Field.withDefault("tableBloatPercent", PERCENT, "50", "estimated bloat (% of the table) that is reported"),
                Field.withDefault("includeOwn", new dev.tend.config.spec.BooleanSpec(), "false",
                        "also report Tend's own sessions and statements (its backups, tasks and checks)")),
                "{}", "the database report and its levels");
    }

    public static ReportPolicy policy(Fields report) {
        var defaults = ReportPolicy.defaults();
        return new ReportPolicy(report.whole("unusedIndexScans"), report.whole("missingIndexRows"), report.number("missingIndexUse"),
                report.duration("idleSession"), report.duration("idleInTransaction"), report.duration("longQuery"),
                report.number("sequenceWarn"), report.number("sequenceCrit"), defaults.wraparoundWarnAge(),
                defaults.wraparoundCritAge(), report.number("cacheHit"), report.whole("deadTuples"),
                report.number("deadTuplesPercent"), report.number("connections"), report.duration("slowQueryMean").toMillis(),
                report.whole("tableBloatSize"), report.number("tableBloatPercent"), report.bool("includeOwn"));
    }
}
