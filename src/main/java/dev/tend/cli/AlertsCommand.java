package dev.tend.cli;

import dev.tend.alert.AlertService;
import dev.tend.store.Stores;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tend alerts}: what is firing now (or every alert ever seen). */
@Command(name = "alerts", footerHeading = "%nExamples:%n", footer = {"  tend alerts", "  tend alerts --all --json"},
        description = "List the alerts firing or flapping now, with their incident; exit 1 when any is.")
final class AlertsCommand implements Callable<Integer> {
    private final Main.Environment environment;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    TendCommand tend;

    @Option(names = "--all", description = "every alert ever seen, resolved ones too")
    boolean all;

    @Option(names = "--json", description = "print {\"alerts\":[...]}")
    boolean json;

    AlertsCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        var config = tend.loadConfig();
        try (var store = Stores.open(config.store())) {
            var alerts = new AlertService(config, store, environment.clock()).alerts(all);
            var out = spec.commandLine().getOut();
            AlertOutput.alerts(alerts, json, environment.clock().instant(), out);
            out.flush();
            return alerts.stream().anyMatch(alert -> alert.state().active()) ? 1 : 0;
        }
    }
}
