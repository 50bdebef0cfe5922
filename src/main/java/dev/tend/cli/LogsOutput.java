package dev.tend.cli;

import dev.tend.logs.analyze.LogReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** How a log analysis reads on a terminal, and as JSON. */
final class LogsOutput {
    private static final int SHOWN = 10;

    /** Made on first use: a mapper costs tens of milliseconds at start, and text output needs none. */
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.builder().build();
    }

    private LogsOutput() {}

    static String json(LogReport report) {
        ObjectNode node = Json.MAPPER.valueToTree(report);
        node.put("complete", report.complete());
        node.put("findings", report.findings());
        return Json.MAPPER.writeValueAsString(node);
    }

    static void text(PrintWriter out, LogReport report, String where, String formatNote, boolean remembers, String level) {
        var totals = report.totals();
        out.println("Log source " + report.source() + ": " + where + ", format " + formatNote);
        out.println("Read " + counted(totals.lines(), "line") + ": " + counted(totals.records(), "record")
                + (totals.continuations() > 0 ? " (with " + counted(totals.continuations(), "continuation line") + ")" : "") + ", "
                + counted(totals.unmatched(), "line") + " no format understood; " + counted(totals.inWindow(), "record") + " "
                + (report.since() == null ? "in all" : "since " + time(report.since())) + ".");
        for (var input : report.inputs()) {
            if (input.problem() != null) out.println("  NOT READ " + input.file() + " after " + counted(input.lines(), "line") + ": " + input.problem());
        }
        for (var unmatched : report.unmatched()) out.println("  unmatched " + unmatched.file() + ":" + unmatched.line() + ": " + shown(unmatched.text()));
        out.println();
        patterns(out, "Error patterns (" + level + " and above)", report.errors(), remembers);
        patterns(out, "Memory (out of memory, OOM kills, allocation failures, exit code 137)", report.memory(), false);
        var database = report.database();
        if (!database.patterns().isEmpty()) {
            out.println("Database errors: " + join(database.byClass()) + (database.byKind().isEmpty() ? "" : "; " + join(database.byKind())));
            patterns(out, null, database.patterns(), false);
        }
        requests(out, report.requests());
        statements(out, report.statements());
        if (!report.complete()) out.println("INCOMPLETE: some input could not be read (above); this report covers only what was.");
    }

    /** Text from a log as a terminal may show it: control characters (escape sequences among them) become spaces. */
    static String shown(String text) {
        return dev.tend.check.Text.printable(text);
    }

    private static String counted(long n, String thing) {
        return count(n) + " " + thing + (n == 1 ? "" : "s");
    }

    private static void patterns(PrintWriter out, String title, List<LogReport.Pattern> patterns, boolean remembers) {
        if (title != null) {
            if (patterns.isEmpty()) {
                out.println(title + ": none.");
                out.println();
                return;
            }
            long lines = patterns.stream().mapToLong(LogReport.Pattern::count).sum();
            long fresh = patterns.stream().filter(LogReport.Pattern::isNew).count();
            out.println(title + ": " + count(lines) + (lines == 1 ? " line in " : " lines in ") + patterns.size() + (patterns.size() == 1 ? " pattern" : " patterns")
                    + (remembers ? ", " + fresh + " new since the last analysis" : ""));
        }
        for (var pattern : patterns.subList(0, Math.min(SHOWN, patterns.size()))) {
            out.printf("  %s%8s  %s%n", pattern.isNew() ? "NEW" : "   ", count(pattern.count()), shown(pattern.template()));
            out.println("             " + (pattern.severity() == null ? "" : pattern.severity() + ", ")
                    + (pattern.first() == null ? "no time in the lines" : "first " + time(pattern.first()) + ", last " + time(pattern.last())));
            for (var example : pattern.examples()) out.println("             e.g. " + shown(example));
        }
        if (patterns.size() > SHOWN) out.println("  ... and " + (patterns.size() - SHOWN) + " more (--json lists them all)");
        out.println();
    }

    private static void requests(PrintWriter out, LogReport.Requests requests) {
        if (requests.total() == 0) return;
        out.println("Requests: " + count(requests.total()) + " (" + join(requests.statusClasses()) + "); " + count(requests.slow()) + " slower than "
                + requests.thresholdMs() + " ms");
        out.printf("  %-48s %9s %7s %9s %9s %9s%n", "endpoint", "requests", "slow", "p50 ms", "p99 ms", "max ms");
        for (var endpoint : requests.endpoints().subList(0, Math.min(SHOWN, requests.endpoints().size()))) {
            out.printf("  %-48s %9s %7s %9s %9s %9s%n", shown(endpoint.endpoint()), count(endpoint.count()), count(endpoint.slow()), ms(endpoint.p50Ms()),
                    ms(endpoint.p99Ms()), ms(endpoint.maxMs()));
            for (var slowest : endpoint.slowest()) out.println("      slow: " + shown(slowest));
        }
        out.println();
    }

    private static void statements(PrintWriter out, List<LogReport.Statement> statements) {
        if (statements.isEmpty()) return;
        out.println("Slowest statements (by total time):");
        out.printf("  %8s %12s %10s %10s  %s%n", "count", "total ms", "mean ms", "max ms", "statement");
        for (var statement : statements.subList(0, Math.min(SHOWN, statements.size()))) {
            out.printf("  %8s %12.1f %10.2f %10.2f  %s%n", count(statement.count()), statement.totalMs(), statement.meanMs(), statement.maxMs(),
                    shown(statement.statement().length() > 120 ? statement.statement().substring(0, 120) + "…" : statement.statement()));
        }
        out.println();
    }

    /** To the second: what a person reads; the JSON keeps the full precision. */
    private static String time(java.time.Instant at) {
        return at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private static String join(Map<String, Long> counts) {
        return counts.entrySet().stream().map(entry -> entry.getKey() + " " + count(entry.getValue())).collect(Collectors.joining(", "));
    }

    private static String count(long value) {
        return String.format(java.util.Locale.ROOT, "%,d", value);
    }

    private static String ms(Double value) {
        return value == null ? "-" : String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
