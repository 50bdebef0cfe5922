package dev.tend.cli;

import dev.tend.check.Measurement;
import dev.tend.task.Impact;
import dev.tend.task.TaskOutcome;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** How a task outcome is shown: its result and reason, the SQL it ran, and before → after figures. */
final class TaskOutput {
    private TaskOutput() {}

    static void print(TaskOutcome outcome, Impact impactOfTask, boolean json, PrintWriter out) {
        var impact = impactOfTask.name().toLowerCase(java.util.Locale.ROOT);
        if (json) {
            var row = new LinkedHashMap<String, Object>();
            row.put("task", outcome.task());
            row.put("impact", impact);
            row.put("target", outcome.target());
            row.put("object", outcome.object());
            row.put("result", outcome.result().name());
            row.put("reason", outcome.reason());
            row.put("steps", outcome.steps());
            row.put("durationMs", outcome.duration().toMillis());
            row.put("before", figures(outcome.before()));
            row.put("after", figures(outcome.after()));
            out.println(JsonMapper.builder().build().writeValueAsString(row));
        } else {
            out.println(outcome.task() + " (" + impact + ") on " + outcome.target() + (outcome.object().isBlank() ? "" : " (" + outcome.object() + ")") + ": " + outcome.result()
                    + " — " + outcome.reason());
            // A PostgreSQL task's steps are its SQL statements, printed as they could be pasted into psql.
            var terminator = outcome.task().startsWith("pg.") ? ";" : "";
            outcome.steps().forEach(step -> out.println("  " + step + terminator));
            for (var before : outcome.before()) {
                outcome.after().stream().filter(after -> after.name().equals(before.name())).findFirst().ifPresent(after ->
                        out.println("  " + before.name() + ": " + number(before.value()) + " → " + number(after.value()) + unit(after.unit())));
            }
        }
        out.flush();
    }

    /** A unit after a number, but not "count": "n_dead_tup: 12 → 0" says it. */
    private static String unit(String unit) {
        return unit.isEmpty() || unit.equals("count") ? "" : " " + unit;
    }

    /** Whole numbers as such (row counts), others to one decimal (milliseconds). */
    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    private static Map<String, Object> figures(List<Measurement> measurements) {
        var figures = new LinkedHashMap<String, Object>();
        measurements.forEach(m -> {
            var figure = new LinkedHashMap<String, Object>(); // value first, always: scripts read it
            figure.put("value", m.value());
            figure.put("unit", m.unit());
            figures.put(m.name(), figure);
        });
        return figures;
    }
}
