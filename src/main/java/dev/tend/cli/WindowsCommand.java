package dev.tend.cli;

import dev.tend.schedule.WindowsSection;
import dev.tend.window.WindowOccurrence;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import tools.jackson.databind.json.JsonMapper;

/** {@code tend windows}: the next openings of the configured maintenance windows. */
@Command(name = "windows", footerHeading = "%nExamples:%n", footer = {"  tend windows --next 5", "  tend windows --from 2026-12-01T00:00:00Z --json"},
        description = "List the next maintenance window openings (instants in UTC).")
final class WindowsCommand implements Callable<Integer> {
    private final Main.Environment environment;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    TendCommand tend;

    @Option(names = "--from", paramLabel = "ISO-INSTANT", description = "list openings from this instant, e.g. 2026-12-01T00:00:00Z (default: now)")
    String from;

    @Option(names = "--next", paramLabel = "N", defaultValue = "10", description = "how many openings (default 10)")
    int next;

    @Option(names = "--json", description = "print {\"windows\":[{\"name\",\"start\",\"end\"}]}")
    boolean json;

    WindowsCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        if (next < 1 || next > 10_000) throw new ParameterException(spec.commandLine(), "--next: give a number from 1 to 10000");
        var start = StartInstant.parse(from, environment.clock(), spec);
        var config = tend.loadConfig();
        var calendar = WindowsSection.calendar(config);
        // Openings overlapping the start (open now) count; the search widens 90 days at a time, ten years at most.
        var openings = new java.util.ArrayList<WindowOccurrence>();
        for (var chunk = start; openings.size() < next && chunk.isBefore(start.plus(Duration.ofDays(3660))); chunk = chunk.plus(Duration.ofDays(90))) {
            for (var occurrence : calendar.occurrences(chunk, chunk.plus(Duration.ofDays(90)))) {
                if (!openings.contains(occurrence)) openings.add(occurrence);
            }
        }
        var shown = openings.stream().limit(next).toList();
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonMapper.builder().build().writeValueAsString(Map.of("windows", shown.stream().map(WindowTable::row).toList())));
        } else if (WindowsSection.of(config).isEmpty()) {
            out.println("no windows configured: disruptive tasks only run with --force (add windows: to tend.yaml)");
        } else {
            WindowTable.print(shown, out);
        }
        out.flush();
        return 0;
    }


}
