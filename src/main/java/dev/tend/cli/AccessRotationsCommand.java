package dev.tend.cli;

import dev.tend.audit.Rotations;
import dev.tend.store.Stores;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/** {@code tend access rotations}: every rotation, when it was last done and whether it is overdue. */
@Command(name = "rotations", footerHeading = "%nExamples:%n", footer = {"  tend access rotations", "  tend access rotations --json"},
        description = "List the rotations: last rotated, due, overdue. Exit 1 when any is overdue.")
final class AccessRotationsCommand implements Callable<Integer> {
    private final Main.Environment environment;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "print {\"rotations\":[...]}")
    boolean json;

    AccessRotationsCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        var config = AccessCommand.config(spec);
        var now = environment.clock().instant();
        try (var store = Stores.open(config.store())) {
            var states = new Rotations(config, store, environment.clock()).states();
            var out = spec.commandLine().getOut();
            if (json) {
                out.println(JsonMapper.builder().build().writeValueAsString(Map.of("rotations", states.stream().map(state -> {
                    var row = new LinkedHashMap<String, Object>();
                    row.put("name", state.settings().name());
                    row.put("owner", state.settings().owner());
                    row.put("everyDays", state.settings().every().toDays());
                    row.put("lastRotated", state.last().map(Object::toString).orElse(null));
                    row.put("evidence", state.evidence().orElse(null));
                    row.put("due", state.due().toString());
                    row.put("overdue", state.overdue());
                    return row;
                }).toList())));
            } else if (states.isEmpty()) {
                out.println("no rotations: list the secrets to rotate under rotations: in tend.yaml");
            } else {
                states.forEach(state -> out.println((state.overdue() ? "OVERDUE " : "ok      ") + state.describe(now)));
            }
            out.flush();
            return states.stream().anyMatch(Rotations.State::overdue) ? 1 : 0;
        }
    }
}
