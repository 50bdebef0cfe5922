package dev.tend.postgres.report;

import java.time.Duration;

/**
 * The levels the report judges by. Defaults follow the runbooks (idle sessions older than an hour)
 * and the usual advice of PgHero and check_postgres.
 */
public record ReportPolicy(
        long unusedIndexMaxScans,
        long missingIndexMinRows,
        double missingIndexMinIndexUsePercent,
        Duration idleSession,
        Duration idleInTransaction,
        Duration longQuery,
        double sequenceWarnPercent,
        double sequenceCritPercent,
        long wraparoundWarnAge,
        long wraparoundCritAge,
        double cacheHitWarnPercent,
        long deadTuplesMin,
        double deadTuplesWarnPercent,
        double connectionsWarnPercent,
        double slowQueryMeanMillis,
        long tableBloatMinBytes,
        double tableBloatPercent,
        boolean includeOwn) {

    /** The same policy with other session limits (the runbooks end sessions idle for over an hour). */
    public ReportPolicy withSessionLimits(Duration idle, Duration idleInTransaction, Duration longQuery) {
        return new ReportPolicy(unusedIndexMaxScans, missingIndexMinRows, missingIndexMinIndexUsePercent, idle, idleInTransaction,
                longQuery, sequenceWarnPercent, sequenceCritPercent, wraparoundWarnAge, wraparoundCritAge, cacheHitWarnPercent,
                deadTuplesMin, deadTuplesWarnPercent, connectionsWarnPercent, slowQueryMeanMillis, tableBloatMinBytes, tableBloatPercent,
                includeOwn);
    }

    /** The same policy with another connection level. */
    public ReportPolicy withConnectionsWarnPercent(double percent) {
        return new ReportPolicy(unusedIndexMaxScans, missingIndexMinRows, missingIndexMinIndexUsePercent, idleSession,
                idleInTransaction, longQuery, sequenceWarnPercent, sequenceCritPercent, wraparoundWarnAge, wraparoundCritAge,
                cacheHitWarnPercent, deadTuplesMin, deadTuplesWarnPercent, percent, slowQueryMeanMillis, tableBloatMinBytes,
                tableBloatPercent, includeOwn);
    }

    /** The same policy with other transaction-ID age levels. */
    public ReportPolicy withWraparoundAges(long warn, long crit) {
        return new ReportPolicy(unusedIndexMaxScans, missingIndexMinRows, missingIndexMinIndexUsePercent, idleSession,
                idleInTransaction, longQuery, sequenceWarnPercent, sequenceCritPercent, warn, crit, cacheHitWarnPercent,
                deadTuplesMin, deadTuplesWarnPercent, connectionsWarnPercent, slowQueryMeanMillis, tableBloatMinBytes, tableBloatPercent,
                includeOwn);
    }

    /** The same policy, reporting Tend's own sessions and statements too (or not: the default). */
    public ReportPolicy withIncludeOwn(boolean include) {
        return new ReportPolicy(unusedIndexMaxScans, missingIndexMinRows, missingIndexMinIndexUsePercent, idleSession,
                idleInTransaction, longQuery, sequenceWarnPercent, sequenceCritPercent, wraparoundWarnAge, wraparoundCritAge,
                cacheHitWarnPercent, deadTuplesMin, deadTuplesWarnPercent, connectionsWarnPercent, slowQueryMeanMillis, tableBloatMinBytes,
                tableBloatPercent, include);
    }

    public static ReportPolicy defaults() {
        return new ReportPolicy(0, 10_000, 95, Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofMinutes(5),
                75, 90, 1_000_000_000L, 1_500_000_000L, 99, 10_000, 20, 80, 100, 10_000_000L, 50, false);
    }
}
