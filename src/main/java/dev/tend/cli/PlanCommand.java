package dev.tend.cli;

import dev.tend.schedule.PlannedRun;
import dev.tend.schedule.Planner;
import dev.tend.schedule.SchedulesSection;
import dev.tend.schedule.WindowsSection;
import dev.tend.store.Stores;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import tools.jackson.databind.json.JsonMapper;

/** {@code tend plan}: what will run, when, in which window, and what is blocked and why. */
@Command(name = "plan", footerHeading = "%nExamples:%n", footer = {"  tend plan --days 14", "  tend plan --json"},
        description = "What the schedules will run in the coming days: when, in which window, and what waits, "
        + "is skipped or blocked, and why. Exit 1 when something is blocked.")
final class PlanCommand implements Callable<Integer> {
    private final Main.Environment environment;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    TendCommand tend;

    @Option(names = "--days", paramLabel = "N", defaultValue = "14", description = "how many days ahead (default 14)")
    int days;

    @Option(names = "--from", paramLabel = "ISO-INSTANT", description = "plan from this instant (default: now)")
    String from;

    @Option(names = "--json", description = "print {\"runs\":[...]}")
    boolean json;

    PlanCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        if (days < 1 || days > 366) throw new ParameterException(spec.commandLine(), "--days: give a number from 1 to 366");
        var start = StartInstant.parse(from, environment.clock(), spec);
        var config = tend.loadConfig();
        try (var store = Stores.open(config.store())) {
            var end = start.plus(Duration.ofDays(days));
            var runs = Planner.of(config, store, start, end);
            var windows = WindowsSection.calendar(config).occurrences(start, end);
            var out = spec.commandLine().getOut();
            if (json) {
                var document = new LinkedHashMap<String, Object>();
                document.put("runs", runs.stream().map(PlanCommand::row).toList());
                document.put("windows", windows.stream().map(WindowTable::row).toList());
                out.println(JsonMapper.builder().build().writeValueAsString(document));
            } else if (SchedulesSection.of(config).isEmpty()) {
                // The windows are still the plan's frame: what a disruptive `tend run` could use, and when.
                out.println("nothing is scheduled: tend.yaml has no schedules: (see docs/calendar.md)");
                if (windows.isEmpty()) {
                    out.println(WindowsSection.of(config).isEmpty() ? "no maintenance windows either: disruptive tasks only run with --force"
                            : "no maintenance window opens in the next " + days + " days");
                } else {
                    out.println("maintenance windows in the next " + days + " days:");
                    WindowTable.print(windows, out);
                }
            } else {
                out.printf("%-20s %-20s %-18s %-28s %-10s %-8s %s%n", "DUE (UTC)", "RUNS AT (UTC)", "SCHEDULE", "ACTION", "WINDOW", "OUTCOME", "NOTE");
                for (var run : runs) {
                    out.printf("%-20s %-20s %-18s %-28s %-10s %-8s %s%n", run.due(), run.runAt().map(Instant::toString).orElse("-"), run.schedule(),
                            run.action(), run.window().orElse("-"), run.outcome(), run.note());
                }
                out.println(runs.size() + " runs in " + days + " days");
            }
            out.flush();
            return runs.stream().anyMatch(run -> run.outcome() == PlannedRun.Outcome.BLOCKED) ? 1 : 0;
        }
    }

    private static Map<String, Object> row(PlannedRun run) {
        var row = new LinkedHashMap<String, Object>();
        row.put("schedule", run.schedule());
        row.put("action", run.action());
        row.put("due", run.due().toString());
        row.put("runAt", run.runAt().map(Instant::toString).orElse(null));
        row.put("window", run.window().orElse(null));
        row.put("outcome", run.outcome().name());
        row.put("note", run.note());
        return row;
    }
}
