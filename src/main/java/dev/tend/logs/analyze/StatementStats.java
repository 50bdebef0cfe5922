package dev.tend.logs.analyze;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Statements logged with their duration, normalized and summed: the top ones by total time. */
final class StatementStats {
    static final int TOP = 20;

    private static final class Stat {
        long count;
        double totalMs;
        double maxMs;
        String example;
    }

    private final Map<String, Stat> stats = new HashMap<>();

    void add(Duration duration, String text) {
        var stat = stats.computeIfAbsent(SqlNormalizer.normalize(text), key -> new Stat());
        double ms = duration.toNanos() / 1e6;
        stat.count++;
        stat.totalMs += ms;
        if (ms >= stat.maxMs) {
            stat.maxMs = ms;
            stat.example = text.length() > 500 ? text.substring(0, 500) + "…" : text;
        }
    }

    List<LogReport.Statement> result() {
        return stats.entrySet().stream().sorted(Comparator.comparingDouble((Map.Entry<String, Stat> entry) -> entry.getValue().totalMs).reversed())
                .limit(TOP)
                .map(entry -> new LogReport.Statement(entry.getKey(), entry.getValue().count, round(entry.getValue().totalMs),
                        round(entry.getValue().totalMs / entry.getValue().count), round(entry.getValue().maxMs), entry.getValue().example))
                .toList();
    }

    private static double round(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }
}
