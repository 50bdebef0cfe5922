package dev.tend.load;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * What a load run measured: each request's time from its start (the connect, when it opened one)
 * to the last byte of the answer, the wall time of the whole run, and what failed.
 *
 * @param latencies nanoseconds of the requests that got an answer, any status
 * @param statuses answers by status code
 * @param failures requests that got no answer (refused, reset, timed out), and the first such error
 */
public record LoadResult(long[] latencies, Duration wall, Map<Integer, Integer> statuses, int failures, String firstFailure) {

    public int answered() {
        return latencies.length;
    }

    /** Answers outside 2xx and 3xx, plus requests with no answer. */
    public int errors() {
        return failures + statuses.entrySet().stream().filter(entry -> entry.getKey() >= 400).mapToInt(Map.Entry::getValue).sum();
    }

    public double requestsPerSecond() {
        return wall.isZero() ? 0 : (answered() + failures) / (wall.toNanos() / 1e9);
    }

    /** The nearest-rank percentile, in milliseconds (as ab reports its table). */
    public double percentileMillis(double percent) {
        if (latencies.length == 0) return 0;
        var sorted = latencies.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    public double meanMillis() {
        return latencies.length == 0 ? 0 : Arrays.stream(latencies).average().orElse(0) / 1e6;
    }
}
