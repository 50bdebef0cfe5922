package dev.tend.cli;

import dev.tend.alert.oncall.OncallSection;
import dev.tend.alert.oncall.Rotation;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/** {@code tend oncall}: who is on call now in each rotation, and the next hand-offs. */
@Command(name = "oncall", footerHeading = "%nExamples:%n", footer = {"  tend oncall", "  tend oncall --at 2027-01-04T10:00:00Z --json"},
        description = "Who is on call in each rotation (oncall: in tend.yaml), until when, and the next hand-offs in the rotation's time zone.")
final class OncallCommand implements Callable<Integer> {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm z");
    private final Main.Environment environment;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    TendCommand tend;

    @Option(names = "--at", paramLabel = "ISO-INSTANT", description = "as at this instant (default: now)")
    String at;

    @Option(names = "--next", paramLabel = "N", defaultValue = "3", description = "how many turns to show per rotation (default 3)")
    int next;

    @Option(names = "--json", description = "print {\"rotations\":[{\"name\", \"turns\":[{\"person\",\"from\",\"until\",\"override\"}]}]}")
    boolean json;

    OncallCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        if (next < 1 || next > 100) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--next: give a number from 1 to 100");
        var instant = StartInstant.parse(at, environment.clock(), spec);
        var config = tend.loadConfig();
        var rotations = OncallSection.of(config);
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonMapper.builder().build().writeValueAsString(Map.of("rotations", rotations.stream().map(rotation -> {
                var row = new LinkedHashMap<String, Object>();
                row.put("name", rotation.name());
                row.put("turns", rotation.turns(instant, next).stream().map(turn -> Map.of("person", turn.person(), "from", turn.from().toString(),
                        "until", turn.until().toString(), "override", turn.override())).toList());
                return row;
            }).toList())));
        } else if (rotations.isEmpty()) {
            out.println("no rotations configured (add oncall: to tend.yaml)");
        } else {
            for (var rotation : rotations) print(rotation, instant, out);
        }
        out.flush();
        return 0;
    }

    private void print(Rotation rotation, java.time.Instant instant, java.io.PrintWriter out) {
        var turns = rotation.turns(instant, next);
        var now = turns.get(0);
        out.println(rotation.name() + ": " + now.person() + " is on call until " + local(now.until(), rotation) + (now.override() ? " (override)" : ""));
        for (var turn : turns.subList(1, turns.size())) {
            out.println("  then " + turn.person() + " from " + local(turn.from(), rotation) + (turn.override() ? " (override)" : ""));
        }
    }

    private static String local(java.time.Instant instant, Rotation rotation) {
        return ZonedDateTime.ofInstant(instant, rotation.zone()).format(LOCAL);
    }
}
