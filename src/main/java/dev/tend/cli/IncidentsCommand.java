package dev.tend.cli;

import dev.tend.alert.AlertService;
import dev.tend.store.Stores;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tend incidents}: the open incidents (or all of them). */
@Command(name = "incidents", footerHeading = "%nExamples:%n", footer = {"  tend incidents", "  tend incidents --all --json"},
        description = "List the open incidents: state, severity, who acknowledged them; exit 1 when any is open.")
final class IncidentsCommand implements Callable<Integer> {
    private final Main.Environment environment;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    TendCommand tend;

    @Option(names = "--all", description = "resolved incidents too")
    boolean all;

    @Option(names = "--json", description = "print {\"incidents\":[...]}")
    boolean json;

    IncidentsCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        var config = tend.loadConfig();
        try (var store = Stores.open(config.store())) {
            var incidents = new AlertService(config, store, environment.clock()).incidents(all);
            var out = spec.commandLine().getOut();
            AlertOutput.incidents(incidents, json, environment.clock().instant(), out);
            out.flush();
            return incidents.stream().anyMatch(dev.tend.alert.Incident::open) ? 1 : 0;
        }
    }
}
