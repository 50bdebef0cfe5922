package dev.tend.check;

import dev.tend.store.Database;
import dev.tend.window.MaintenanceWindows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The check_daily table: results rolled up per UTC day, target and check; and check_daily_measure:
 * each measurement's samples, least, greatest, sum and last per day. A day is rebuilt whole
 * (delete, then insert, in one transaction), so rerunning it gives the same rows and two instances
 * doing it at once end with one day's rows. A result taken while a window covered its target is
 * counted as in maintenance.
 */
public final class DailyRollups {
    private final Database database;
    private final MaintenanceWindows windows;

    public DailyRollups(Database database, MaintenanceWindows windows) {
        this.database = database;
        this.windows = windows;
    }

    /** One measurement's day so far. */
    private static final class Series {
        String unit = "";
        int samples;
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, sum, last;
        long lastId = -1;

        void add(double value, String valueUnit, long id) {
            samples++;
            min = Math.min(min, value);
            max = Math.max(max, value);
            sum += value;
            if (id > lastId) {
                lastId = id;
                last = value;
                unit = valueUnit;
            }
        }
    }

    private static final class Tally {
        int results, ok, warn, crit, unknown, inMaintenance;
        long min = Long.MAX_VALUE, max, sum;
        Status last = Status.UNKNOWN;
        long lastId = -1;
    }

    /** Rebuilds one day from the results taken in it; returns how many (target, check) rows it wrote. */
    public int rollUp(LocalDate day) {
        var from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        var to = from.plus(Duration.ofDays(1));
        var tallies = new LinkedHashMap<String, Tally>();
        var series = new LinkedHashMap<String, Series>();
        // The day's openings per target, computed once: a day holds hundreds of thousands of results.
        var openings = new java.util.HashMap<String, List<dev.tend.window.WindowOccurrence>>();
        // In a transaction: PostgreSQL's driver streams by the fetch size only then (otherwise it
        // holds the whole day, 288,000 results, in memory).
        database.jdbi().useTransaction(handle -> handle.createQuery("SELECT id, target, check_name, status, started_at, duration_ms, measurements FROM check_result "
                        + "WHERE started_at >= :from AND started_at < :to")
                .bind("from", from.toEpochMilli()).bind("to", to.toEpochMilli())
                .setFetchSize(10_000)
                .map((row, context) -> {
                    var tally = tallies.computeIfAbsent(row.getString(2) + "\u0000" + row.getString(3), key -> new Tally());
                    var status = Status.valueOf(row.getString(4));
                    long duration = row.getLong(6);
                    tally.results++;
                    // A result taken in a window is maintenance, not up or down: counted apart, never by status.
                    var at = Instant.ofEpochMilli(row.getLong(5));
                    if (openings.computeIfAbsent(row.getString(2), target -> windows.openingsFor(target, from, to)).stream()
                            .anyMatch(opening -> opening.contains(at))) {
                        tally.inMaintenance++;
                    } else {
                        switch (status) {
                            case OK -> tally.ok++;
                            case WARN -> tally.warn++;
                            case CRIT -> tally.crit++;
                            case UNKNOWN -> tally.unknown++;
                        }
                    }
                    var measurements = row.getString(7);
                    if (measurements != null && measurements.length() > 2) {
                        long id = row.getLong(1);
                        var prefix = row.getString(2) + "\u0000" + row.getString(3) + "\u0000";
                        MeasurementColumns.scan(measurements, (name, value, unit) -> {
                            if (Double.isFinite(value)) series.computeIfAbsent(prefix + name, key -> new Series()).add(value, unit, id);
                        });
                    }
                    tally.min = Math.min(tally.min, duration);
                    tally.max = Math.max(tally.max, duration);
                    tally.sum += duration;
                    if (row.getLong(1) > tally.lastId) {
                        tally.lastId = row.getLong(1);
                        tally.last = status;
                    }
                    return 0;
                }).forEach(ignored -> { }));
        database.run("the daily rollup", () -> database.jdbi().useTransaction(handle -> {
            handle.createUpdate("DELETE FROM check_daily WHERE day = :day").bind("day", day.toString()).execute();
            var batch = handle.prepareBatch("INSERT INTO check_daily (day, target, check_name, results, ok, warn, crit, unknown, in_maintenance, "
                    + "duration_min_ms, duration_max_ms, duration_sum_ms, last_status) VALUES (:day, :target, :check, :results, :ok, :warn, :crit, "
                    + ":unknown, :maintenance, :min, :max, :sum, :last)");
            for (Map.Entry<String, Tally> entry : tallies.entrySet()) {
                var key = entry.getKey().split("\u0000", 2);
                var tally = entry.getValue();
                batch.bind("day", day.toString()).bind("target", key[0]).bind("check", key[1]).bind("results", tally.results)
                        .bind("ok", tally.ok).bind("warn", tally.warn).bind("crit", tally.crit).bind("unknown", tally.unknown)
                        .bind("maintenance", tally.inMaintenance).bind("min", tally.min).bind("max", tally.max).bind("sum", tally.sum)
                        .bind("last", tally.last.name()).add();
            }
            if (!tallies.isEmpty()) batch.execute();
            handle.createUpdate("DELETE FROM check_daily_measure WHERE day = :day").bind("day", day.toString()).execute();
            var measures = handle.prepareBatch("INSERT INTO check_daily_measure (day, target, check_name, measurement, unit, samples, min_value, max_value, "
                    + "sum_value, last_value) VALUES (:day, :target, :check, :measurement, :unit, :samples, :min, :max, :sum, :last)");
            for (Map.Entry<String, Series> entry : series.entrySet()) {
                var key = entry.getKey().split("\u0000", 3);
                var one = entry.getValue();
                measures.bind("day", day.toString()).bind("target", key[0]).bind("check", key[1]).bind("measurement", key[2]).bind("unit", one.unit)
                        .bind("samples", one.samples).bind("min", one.min).bind("max", one.max).bind("sum", one.sum).bind("last", one.last).add();
            }
            if (!series.isEmpty()) measures.execute();
        }));
        return tallies.size();
    }

    /**
     * What tend serve calls now and then: every complete day after the last one rolled up (up to
     * {@code days} back on a first run), and today so far. Returns the days rebuilt.
     */
    public List<LocalDate> due(Clock clock, int days) {
        var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var last = database.jdbi().withHandle(handle -> handle.createQuery("SELECT max(day) FROM check_daily").mapTo(String.class).findOne())
                .map(LocalDate::parse);
        var first = last.map(day -> day.isBefore(today) ? day : today).orElse(today.minusDays(days - 1L));
        var rebuilt = new ArrayList<LocalDate>();
        for (var day = first; !day.isAfter(today); day = day.plusDays(1)) {
            rollUp(day);
            rebuilt.add(day);
        }
        return rebuilt;
    }

    /** The measurement rows from {@code from} to {@code to}, inclusive, by day. */
    public List<DailyMeasure> measures(LocalDate from, LocalDate to) {
        return measures(from, to, null);
    }

    /** One target's measurement rows from {@code from} to {@code to}, inclusive, by day. */
    public List<DailyMeasure> measures(LocalDate from, LocalDate to, String target) {
        return measures(from, to, target, java.util.Set.of());
    }

    /** The rows from {@code from} to {@code to} of one target (or all: null) and these measurements (or all: empty), by day. */
    public List<DailyMeasure> measures(LocalDate from, LocalDate to, String target, java.util.Set<String> measurements) {
        return database.jdbi().withHandle(handle -> {
            var query = handle.createQuery("SELECT day, target, check_name, measurement, unit, samples, min_value, max_value, "
                    + "sum_value, last_value FROM check_daily_measure WHERE day >= :from AND day <= :to"
                    + (target == null ? "" : " AND target = :target") + (measurements.isEmpty() ? "" : " AND measurement IN (<names>)")
                    + " ORDER BY day, target, check_name, measurement")
                    .bind("from", from.toString()).bind("to", to.toString());
            if (target != null) query.bind("target", target);
            if (!measurements.isEmpty()) query.bindList("names", List.copyOf(measurements));
            return query.map((row, context) -> new DailyMeasure(LocalDate.parse(row.getString(1)), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getInt(6), row.getDouble(7), row.getDouble(8), row.getDouble(9), row.getDouble(10)))
                    .list();
        });
    }

    /**
     * The last day each measurement of a target's check starting with {@code prefix} was recorded
     * (sessions:alice → 2026-11-30), and under the empty key the first day the check was recorded at all.
     */
    public Map<String, LocalDate> lastSeen(String target, String check, String prefix) {
        return database.jdbi().withHandle(handle -> {
            var days = new java.util.HashMap<String, LocalDate>();
            handle.createQuery("SELECT measurement, max(day) FROM check_daily_measure WHERE target = :target AND check_name = :check "
                            + "AND measurement LIKE :prefix GROUP BY measurement")
                    .bind("target", target).bind("check", check).bind("prefix", prefix.replace("%", "") + "%")
                    .map((row, context) -> days.put(row.getString(1), LocalDate.parse(row.getString(2)))).list();
            handle.createQuery("SELECT min(day) FROM check_daily_measure WHERE target = :target AND check_name = :check")
                    .bind("target", target).bind("check", check).mapTo(String.class).findOne()
                    .ifPresent(first -> days.put("", LocalDate.parse(first)));
            return days;
        });
    }

    /** One measurement of a target's check with history since {@code from}. */
    public record Recorded(String target, String check, String measurement) {}

    /** Which (target, check, measurement) series have rows since {@code from}. */
    public List<Recorded> recorded(LocalDate from) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT DISTINCT target, check_name, measurement FROM check_daily_measure "
                        + "WHERE day >= :from ORDER BY 1, 2, 3")
                .bind("from", from.toString())
                .map((row, context) -> new Recorded(row.getString(1), row.getString(2), row.getString(3)))
                .list());
    }

    /** The rows of these targets from {@code from} to {@code to}, inclusive. */
    public List<DailyRollup> between(LocalDate from, LocalDate to) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT day, target, check_name, results, ok, warn, crit, unknown, in_maintenance, "
                        + "duration_min_ms, duration_max_ms, duration_sum_ms, last_status FROM check_daily WHERE day >= :from AND day <= :to ORDER BY day")
                .bind("from", from.toString()).bind("to", to.toString())
                .map((row, context) -> new DailyRollup(LocalDate.parse(row.getString(1)), row.getString(2), row.getString(3), row.getInt(4), row.getInt(5),
                        row.getInt(6), row.getInt(7), row.getInt(8), row.getInt(9), row.getLong(10), row.getLong(11), row.getLong(12),
                        Status.valueOf(row.getString(13))))
                .list());
    }
}
