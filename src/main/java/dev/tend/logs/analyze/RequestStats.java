package dev.tend.logs.analyze;

import dev.tend.logs.LogEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Requests per endpoint: counts, status classes, latency percentiles, and those over the threshold with the slowest kept as examples. */
final class RequestStats {
    static final int ENDPOINTS = 30;
    static final int SLOWEST = 3;

    /** Status classes by hundred ("1xx" ... "9xx"), and "other" for a request without a status: counted by index, named in the report. */
    private static final String[] STATUS_CLASSES = {"0xx", "1xx", "2xx", "3xx", "4xx", "5xx", "6xx", "7xx", "8xx", "9xx", "other"};
    private static final int OTHER = 10;

    private static final class Endpoint {
        final Histogram durations = new Histogram();
        final long[] statusClasses = new long[STATUS_CLASSES.length];
        final List<Map.Entry<Long, String>> slowest = new ArrayList<>();
        long count;
        long slow;
        long max;
    }

    private final Duration threshold;
    private final long thresholdNanos;
    private final Map<String, Endpoint> endpoints = new HashMap<>();
    private final long[] statusClasses = new long[STATUS_CLASSES.length];
    private long total;
    private long slow;

    RequestStats(Duration threshold) {
        this.threshold = threshold;
        this.thresholdNanos = threshold.toNanos();
    }

    /** A request seen at {@code at} (null: unknown); the line that shows it is written only for the slow ones. */
    void add(LogEvent.Request request, Instant at) {
        var endpoint = endpoints.computeIfAbsent(Endpoints.of(request.method(), request.path()), key -> new Endpoint());
        int statusClass = statusClass(request.status());
        endpoint.count++;
        total++;
        endpoint.statusClasses[statusClass]++;
        statusClasses[statusClass]++;
        if (request.duration() == null) return;
        long nanos = request.duration().toNanos();
        long micros = nanos / 1000;
        endpoint.durations.add(micros);
        endpoint.max = Math.max(endpoint.max, micros);
        if (nanos > thresholdNanos) {
            endpoint.slow++;
            slow++;
            // Written only when it enters the slowest few: a later one as slow as the last kept stays out (they keep the earlier).
            if (endpoint.slowest.size() >= SLOWEST && micros <= endpoint.slowest.getLast().getKey()) return;
            var line = request.method() + " " + request.path() + " " + request.status() + (at == null ? "" : " at " + at.truncatedTo(ChronoUnit.SECONDS));
            var example = String.format(java.util.Locale.ROOT, "%.1f ms: %s", micros / 1000.0, line);
            endpoint.slowest.add(Map.entry(micros, example.length() > 300 ? example.substring(0, 300) + "…" : example));
            endpoint.slowest.sort(Map.Entry.<Long, String>comparingByKey().reversed());
            if (endpoint.slowest.size() > SLOWEST) endpoint.slowest.removeLast();
        }
    }

    /** The index of a status's class: its hundreds (a status above 999 counts as other, as 0 does). */
    private static int statusClass(int status) {
        return status <= 0 || status > 999 ? OTHER : status / 100;
    }

    private static Map<String, Long> named(long[] counts) {
        var named = new TreeMap<String, Long>();
        for (int index = 0; index < counts.length; index++) {
            if (counts[index] > 0) named.put(STATUS_CLASSES[index], counts[index]);
        }
        return named;
    }

    LogReport.Requests result() {
        var rows = endpoints.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Endpoint> entry) -> entry.getValue().slow)
                        .thenComparingLong(entry -> entry.getValue().count).reversed())
                .limit(ENDPOINTS)
                .map(entry -> {
                    var endpoint = entry.getValue();
                    boolean timed = endpoint.durations.count() > 0;
                    return new LogReport.Endpoint(entry.getKey(), endpoint.count, endpoint.slow, named(endpoint.statusClasses),
                            // A bucket's upper edge may pass the largest value seen: never report a percentile above the max.
                            timed ? Math.min(endpoint.max, endpoint.durations.percentile(50)) / 1000.0 : null,
                            timed ? Math.min(endpoint.max, endpoint.durations.percentile(99)) / 1000.0 : null,
                            timed ? endpoint.max / 1000.0 : null, endpoint.slowest.stream().map(Map.Entry::getValue).toList());
                }).toList();
        return new LogReport.Requests(total, slow, threshold.toMillis(), named(statusClasses), rows);
    }
}
