package dev.tend.check;

import dev.tend.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Raw results older than the retention ({@code retention: {results: 90d}}) are removed day by day,
 * each day only once its rollup exists (a day that has none is rolled up first), in batches so no
 * statement holds the table for long; the rollups themselves are never touched, and the latest
 * result of every check stays, however old (the overview and the status page show it).
 */
public final class ResultRetention {
    private static final int BATCH = 10_000;
    private final Database database;
    private final DailyRollups rollups;

    public ResultRetention(Database database, DailyRollups rollups) {
        this.database = database;
        this.rollups = rollups;
    }

    /** Removes what is older than {@code keep} before now; returns how many results went. */
    public long prune(Clock clock, Duration keep) {
        var cutoffDay = LocalDate.ofInstant(clock.instant().minus(keep), ZoneOffset.UTC);
        var oldest = database.jdbi().withHandle(handle -> handle.createQuery("SELECT min(started_at) FROM check_result")
                .mapTo(Long.class).findOne()).filter(value -> value != null && value > 0);
        if (oldest.isEmpty()) return 0;
        long removed = 0;
        for (var day = LocalDate.ofInstant(java.time.Instant.ofEpochMilli(oldest.get()), ZoneOffset.UTC); day.isBefore(cutoffDay); day = day.plusDays(1)) {
            if (!rolledUp(day)) rollups.rollUp(day);
            removed += removeDay(day);
        }
        return removed;
    }

    private boolean rolledUp(LocalDate day) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT count(*) FROM check_daily WHERE day = :day")
                .bind("day", day.toString()).mapTo(Long.class).one()) > 0;
    }

    private long removeDay(LocalDate day) {
        long from = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long removed = 0;
        while (true) {
            int batch = database.write("the pruning of old results", () -> database.jdbi().withHandle(handle -> handle.createUpdate(
                            "DELETE FROM check_result WHERE id IN (SELECT id FROM check_result WHERE started_at >= :from AND started_at < :to "
                                    + "AND id NOT IN (SELECT result_id FROM check_latest) LIMIT :batch)")
                    .bind("from", from).bind("to", to).bind("batch", BATCH).execute()));
            removed += batch;
            if (batch < BATCH) return removed;
        }
    }
}
