package dev.tend.logs.analyze;

import dev.tend.logs.LogEvent;
import java.time.Duration;
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

    private static final class Endpoint {
        final Histogram durations = new Histogram();
        final Map<String, Long> statusClasses = new TreeMap<>();
        final List<Map.Entry<Long, String>> slowest = new ArrayList<>();
        long count;
        long slow;
        long max;
    }

    private final Duration threshold;
    private final Map<String, Endpoint> endpoints = new HashMap<>();
    private final Map<String, Long> statusClasses = new TreeMap<>();
    private long total;
    private long slow;

    RequestStats(Duration threshold) {
        this.threshold = threshold;
    }

    void add(LogEvent.Request request, String line) {
        var endpoint = endpoints.computeIfAbsent(Endpoints.of(request.method(), request.path()), key -> new Endpoint());
        var statusClass = request.status() == 0 ? "other" : request.status() / 100 + "xx";
        endpoint.count++;
        total++;
        endpoint.statusClasses.merge(statusClass, 1L, Long::sum);
        statusClasses.merge(statusClass, 1L, Long::sum);
        if (request.duration() == null) return;
        long micros = request.duration().toNanos() / 1000;
        endpoint.durations.add(micros);
        endpoint.max = Math.max(endpoint.max, micros);
        if (request.duration().compareTo(threshold) > 0) {
            endpoint.slow++;
            slow++;
            var example = String.format(java.util.Locale.ROOT, "%.1f ms: %s", micros / 1000.0, line);
            endpoint.slowest.add(Map.entry(micros, example.length() > 300 ? example.substring(0, 300) + "…" : example));
            endpoint.slowest.sort(Map.Entry.<Long, String>comparingByKey().reversed());
            if (endpoint.slowest.size() > SLOWEST) endpoint.slowest.removeLast();
        }
    }

    LogReport.Requests result() {
        var rows = endpoints.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Endpoint> entry) -> entry.getValue().slow)
                        .thenComparingLong(entry -> entry.getValue().count).reversed())
                .limit(ENDPOINTS)
                .map(entry -> {
                    var endpoint = entry.getValue();
                    boolean timed = endpoint.durations.count() > 0;
                    return new LogReport.Endpoint(entry.getKey(), endpoint.count, endpoint.slow, endpoint.statusClasses,
                            // A bucket's upper edge may pass the largest value seen: never report a percentile above the max.
                            timed ? Math.min(endpoint.max, endpoint.durations.percentile(50)) / 1000.0 : null,
                            timed ? Math.min(endpoint.max, endpoint.durations.percentile(99)) / 1000.0 : null,
                            timed ? endpoint.max / 1000.0 : null, endpoint.slowest.stream().map(Map.Entry::getValue).toList());
                }).toList();
        return new LogReport.Requests(total, slow, threshold.toMillis(), statusClasses, rows);
    }
}
