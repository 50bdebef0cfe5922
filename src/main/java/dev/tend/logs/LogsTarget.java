package dev.tend.logs;

import dev.tend.check.Check;
import dev.tend.check.CheckContext;
import dev.tend.check.Status;
import dev.tend.check.Verdict;
import dev.tend.store.Database;
import dev.tend.target.Target;
import dev.tend.target.TargetSettings;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * A log source with {@code check:}, watched as target {@code logs:NAME}: each check round reads
 * what its files gained since the last (once, shared by its checks) and judges errors per minute,
 * new error patterns, memory trouble and the share of slow requests.
 */
public record LogsTarget(TargetSettings settings, LogSourceSettings source, Database store, ZoneId zone) implements Target {

    /** Watched when it has check: (its lines) or rotate: (its rotation). */
    public static boolean watched(LogSourceSettings source) {
        return source.check().isPresent() || source.rotate().isPresent();
    }

    public static LogsTarget of(LogSourceSettings source, Database store, ZoneId zone) {
        return new LogsTarget(new TargetSettings("logs:" + source.name(), "logs", "the log " + source.describe(), Duration.ofMinutes(2), 1, List.of()),
                source, store, zone);
    }

    @Override
    public List<Check> checks(CheckContext context) {
        var checks = new java.util.ArrayList<Check>();
        if (source.check().isPresent()) {
            checks.addAll(List.of(check("errors", context, this::errors), check("new-patterns", context, this::newPatterns),
                    check("memory", context, this::memory), check("slow-requests", context, this::slowRequests)));
        }
        source.rotate().ifPresent(rotate -> checks.add(new RotationCheck(source, rotate, context.clock())));
        return checks;
    }

    private LogCheckSettings levels() {
        return source.check().orElseThrow();
    }

    private interface Judge {
        Verdict judge(LogWatch watch);
    }

    private Check check(String name, CheckContext context, Judge judge) {
        return new Check() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Verdict run(Duration timeout) throws Exception {
                var watch = context.shared("logs:" + source.name(), LogWatch.class, () -> LogWatch.read(source, store, zone, context.clock().instant()));
                if (watch.first()) {
                    return Verdict.builder().ok(source.container().map(container -> "started reading the logs of container " + container.name() + " from now")
                            .orElse("started reading " + watch.files() + (watch.files() == 1 ? " file" : " files") + " at their end")
                            + "; the next check counts what is written from now on");
                }
                var problems = watch.report().inputs().stream().filter(input -> input.problem() != null).toList();
                if (!problems.isEmpty()) return Verdict.builder().crit("cannot read " + problems.getFirst().file() + ": " + problems.getFirst().problem());
                return judge.judge(watch);
            }
        };
    }

    private Verdict errors(LogWatch watch) {
        long errors = watch.report().totals().errors();
        double minutes = Math.max(1, watch.since().toSeconds() / 60.0);
        double rate = errors / minutes;
        var status = levels().errorsPerMinute().grade(rate);
        var top = watch.report().errors().stream().limit(2).map(pattern -> pattern.count() + "× " + pattern.template()).toList();
        var reason = errors + (errors == 1 ? " error" : " errors") + " in the last " + human(watch.since())
                + String.format(Locale.ROOT, " (%.1f/min", rate) + (status == Status.OK ? ")" : "; " + status + " at "
                        + format(levels().errorsPerMinute().crossed(rate)) + "/min)") + (top.isEmpty() ? "" : ": " + String.join("; ", top));
        return Verdict.builder().measure("errors", errors, "count").measure("errors_per_minute", rate, "1/min").verdict(status, reason);
    }

    private Verdict newPatterns(LogWatch watch) {
        var fresh = watch.report().errors().stream().filter(dev.tend.logs.analyze.LogReport.Pattern::isNew).toList();
        var builder = Verdict.builder().measure("new_patterns", fresh.size(), "count");
        if (fresh.isEmpty()) return builder.ok("no new error pattern");
        var first = fresh.getFirst();
        return builder.verdict(levels().newPatterns(), fresh.size() + " new error " + (fresh.size() == 1 ? "pattern" : "patterns") + ": '" + first.template()
                + "' (" + first.count() + "×, e.g. " + first.examples().getFirst() + ")");
    }

    private Verdict memory(LogWatch watch) {
        var memory = watch.report().memory();
        long lines = memory.stream().mapToLong(dev.tend.logs.analyze.LogReport.Pattern::count).sum();
        var builder = Verdict.builder().measure("memory_lines", lines, "count");
        if (memory.isEmpty()) return builder.ok("no out-of-memory or allocation failure");
        return builder.verdict(levels().memory(), lines + (lines == 1 ? " line" : " lines") + " of memory trouble: " + memory.getFirst().examples().getFirst());
    }

    private Verdict slowRequests(LogWatch watch) {
        var requests = watch.report().requests();
        if (requests.total() == 0) return Verdict.builder().ok("no requests in what was read");
        double percent = 100.0 * requests.slow() / requests.total();
        var status = levels().slowRequests().grade(percent);
        return Verdict.builder().measure("slow_requests", percent, "%").verdict(status, String.format(Locale.ROOT, "%.1f%% of %d requests slower than %d ms",
                percent, requests.total(), requests.thresholdMs()));
    }

    private static String human(Duration duration) {
        long minutes = Math.max(1, Math.round(duration.toSeconds() / 60.0));
        return minutes < 120 ? minutes + " min" : Math.round(minutes / 60.0) + " h";
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
