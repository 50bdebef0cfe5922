package dev.tend.cli;

import dev.tend.check.CheckResult;
import dev.tend.check.Status;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;

/** The human view of results: one aligned row per check, then a one-line summary. */
final class ResultTable {
    private static final String RESET = "\u001b[0m";

    private ResultTable() {}

    static void print(List<CheckResult> results, PrintWriter out, boolean colors) {
        int targetWidth = Math.max(6, results.stream().mapToInt(r -> r.target().length()).max().orElse(0));
        int checkWidth = Math.max(5, results.stream().mapToInt(r -> r.check().length()).max().orElse(0));
        var format = "%-" + targetWidth + "s  %-" + checkWidth + "s  %s  %7s  %s%n";
        out.printf(format, "TARGET", "CHECK", "STATUS ", "TIME", "REASON");
        for (var result : results) {
            out.printf(format, result.target(), result.check(), paint(result.status(), colors),
                    result.duration().toMillis() + " ms", result.reason());
        }
        out.println(summary(results));
    }

    static String summary(List<CheckResult> results) {
        var counts = new EnumMap<Status, Integer>(Status.class);
        results.forEach(result -> counts.merge(result.status(), 1, Integer::sum));
        return results.size() + " checks: " + counts.getOrDefault(Status.OK, 0) + " OK, "
                + counts.getOrDefault(Status.WARN, 0) + " WARN, " + counts.getOrDefault(Status.CRIT, 0) + " CRIT, "
                + counts.getOrDefault(Status.UNKNOWN, 0) + " UNKNOWN";
    }

    private static String paint(Status status, boolean colors) {
        var padded = String.format("%-7s", status.name());
        if (!colors) return padded;
        var color = switch (status) {
            case OK -> "\u001b[32m";
            case WARN -> "\u001b[33m";
            case CRIT -> "\u001b[31;1m";
            case UNKNOWN -> "\u001b[35m";
        };
        return color + padded + RESET;
    }
}
