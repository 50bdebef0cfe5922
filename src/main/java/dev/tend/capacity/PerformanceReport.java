package dev.tend.capacity;

import dev.tend.check.DailyMeasure;
import dev.tend.check.DailyRollup;
import dev.tend.check.Units;
import dev.tend.postgres.report.StatementTrends;
import dev.tend.report.Document;
import dev.tend.report.ReportPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The weekly performance review: this week against the week before, from the daily rollups (check
 * latency, cache hit ratios, CPU and memory) and statement snapshots (slowest statements) — what got
 * worse, by how much, first.
 */
public final class PerformanceReport {
    /** Worse is higher for these; for hit ratios, lower. */
    static final Set<String> HIGHER_IS_WORSE = Set.of("busy", "load_per_core", "memory_used", "swap_used", "cpu");
    static final Set<String> LOWER_IS_WORSE = Set.of("hit_rate", "cache_hit");
    /** A latency change smaller than this is noise on a check that takes milliseconds. */
    static final double LATENCY_NOISE_MS = 5;
    static final double WORSE_RATIO = 1.2;

    private PerformanceReport() {}

    public record Built(Document document, Map<String, Object> data) {}

    /** One target's statements this week, or why there are none. */
    public record Statements(String target, Optional<List<StatementTrends.Trend>> trends, String note) {}

    public static Built build(String platform, ReportPeriod period, Instant now, List<DailyRollup> rollups, List<DailyMeasure> measures,
            List<Statements> statements) {
        var previous = new ReportPeriod("previous", period.from().minusDays(7), period.from());
        var worse = new ArrayList<String>();
        var latencyRows = new ArrayList<List<String>>();
        var latency = compare(rollups, period, previous, rollup -> rollup.target() + " " + rollup.check(), DailyRollup::results,
                rollup -> (double) rollup.durationSumMs());
        latency.entrySet().stream().sorted(Comparator.comparingDouble((Map.Entry<String, double[]> entry) -> -entry.getValue()[0])).limit(15)
                .forEach(entry -> latencyRows.add(List.of(entry.getKey(), ms(entry.getValue()[0]), entry.getValue()[1] > 0 ? ms(entry.getValue()[1]) : "-",
                        change(entry.getValue()))));
        latency.forEach((check, means) -> {
            if (means[1] > 0 && means[0] >= means[1] * WORSE_RATIO && means[0] - means[1] >= LATENCY_NOISE_MS) {
                worse.add("check " + check + " takes " + ms(means[0]) + " on average, " + change(means) + " on the week before (" + ms(means[1]) + ")");
            }
        });
        var figureRows = new ArrayList<List<String>>();
        var figures = compare(measures.stream().filter(row -> HIGHER_IS_WORSE.contains(row.measurement()) || LOWER_IS_WORSE.contains(row.measurement())).toList(),
                period, previous, row -> row.target() + " " + row.check() + " " + row.measurement(), DailyMeasure::samples, DailyMeasure::sum);
        figures.forEach((key, means) -> {
            figureRows.add(List.of(key, number(means[0]), means[1] > 0 ? number(means[1]) : "-", change(means)));
            var measurement = key.substring(key.lastIndexOf(' ') + 1);
            if (means[1] > 0 && (LOWER_IS_WORSE.contains(measurement) ? means[1] - means[0] >= 1 : means[0] >= means[1] * WORSE_RATIO && means[0] - means[1] >= 1)) {
                worse.add(key + " " + number(means[0]) + " against " + number(means[1]) + " the week before");
            }
        });
        var document = Document.builder("Performance review " + period.label() + " — " + platform,
                "Written " + LocalDate.ofInstant(now, ZoneOffset.UTC) + ": the week of " + period.from() + " to " + period.to().minusDays(1)
                        + " against the week before.");
        var statementRows = new ArrayList<List<String>>();
        var notes = new ArrayList<String>();
        for (var target : statements) {
            if (target.trends().isEmpty()) {
                notes.add(target.target() + ": " + target.note());
                continue;
            }
            for (var trend : target.trends().get().stream().limit(10).toList()) {
                statementRows.add(List.of(target.target(), trend.query(), String.valueOf(trend.calls()), ms(trend.meanMs()),
                        trend.meanBefore().map(PerformanceReport::ms).orElse("new"), trend.change().map(PerformanceReport::ratio).orElse("-")));
                if (trend.calls() >= 10 && trend.change().filter(change -> change >= WORSE_RATIO).isPresent() && trend.meanMs() - trend.meanBefore().get() >= 1) {
                    worse.add("statement on " + target.target() + " \"" + trend.query() + "\" " + ms(trend.meanMs()) + " per call, "
                            + ratio(trend.change().get()) + " on the week before");
                }
            }
        }
        document.heading("What got worse");
        if (worse.isEmpty()) document.paragraph("Nothing got noticeably worse (checks 20% and 5 ms slower, ratios down a point, statements 20% slower).");
        document.bullets(worse);
        document.heading("Check latency");
        document.table(List.of("check", "mean this week", "week before", "change"), latencyRows);
        document.heading("Cache hit ratios, CPU and memory");
        document.table(List.of("figure", "mean this week", "week before", "change"), figureRows);
        document.heading("Slowest statements");
        document.table(List.of("target", "statement", "calls", "mean", "week before", "change"), statementRows);
        document.bullets(notes);
        document.heading("Sign-off");
        document.paragraph("The System Administrator signs the review with tend report sign performance --as PERSON --comment TEXT.");
        var data = new LinkedHashMap<String, Object>();
        data.put("kind", "performance");
        data.put("period", period.label());
        data.put("writtenAt", now.toString());
        data.put("worse", worse);
        data.put("latency", latencyRows);
        data.put("figures", figureRows);
        data.put("statements", statementRows);
        return new Built(document.build(), data);
    }

    /** Per key the mean over this period and the previous one: {this, before}. */
    private static <T> Map<String, double[]> compare(List<T> rows, ReportPeriod period, ReportPeriod previous, Function<T, String> key,
            java.util.function.ToIntFunction<T> count, java.util.function.ToDoubleFunction<T> sum) {
        var sums = new java.util.TreeMap<String, double[]>();
        for (var row : rows) {
            var day = row instanceof DailyRollup rollup ? rollup.day() : ((DailyMeasure) row).day();
            int slot = !day.isBefore(period.from()) && day.isBefore(period.to()) ? 0 : !day.isBefore(previous.from()) && day.isBefore(previous.to()) ? 2 : -1;
            if (slot < 0) continue;
            var totals = sums.computeIfAbsent(key.apply(row), ignored -> new double[4]);
            totals[slot] += sum.applyAsDouble(row);
            totals[slot + 1] += count.applyAsInt(row);
        }
        return sums.entrySet().stream().filter(entry -> entry.getValue()[1] > 0).collect(Collectors.toMap(Map.Entry::getKey,
                entry -> new double[] {entry.getValue()[0] / entry.getValue()[1], entry.getValue()[3] == 0 ? 0 : entry.getValue()[2] / entry.getValue()[3]},
                (a, b) -> a, java.util.TreeMap::new));
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, millis >= 100 ? "%.0f ms" : "%.1f ms", millis);
    }

    private static String number(double value) {
        return Units.number(Math.round(value * 10) / 10.0);
    }

    private static String change(double[] means) {
        return means[1] <= 0 ? "-" : ratio(means[0] / means[1]);
    }

    private static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%+.0f%%", (ratio - 1) * 100);
    }
}
