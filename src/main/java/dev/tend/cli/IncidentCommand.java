package dev.tend.cli;

import dev.tend.alert.AlertService;
import dev.tend.store.Stores;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code tend incident show ID}: an incident's alerts and timeline. */
@Command(name = "incident", footerHeading = "%nExamples:%n", footer = {"  tend incident show 3"},
        description = "One incident: its alerts and its timeline.", subcommands = IncidentCommand.Show.class)
final class IncidentCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "show", footerHeading = "%nExamples:%n", footer = {"  tend incident show 3"},
            description = "The incident's state, its alerts and every entry of its timeline (opened, affected, acknowledged, resolved).")
    static final class Show implements Callable<Integer> {
        private final Main.Environment environment;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "the incident's number (see tend incidents)")
        long id;

        Show(Main.Environment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() throws Exception {
            var config = ((TendCommand) spec.parent().parent().userObject()).loadConfig();
            try (var store = Stores.open(config.store())) {
                var service = new AlertService(config, store, environment.clock());
                var incident = service.incident(id).orElseThrow(() -> new ParameterException(spec.commandLine(),
                        "no incident " + id + " (see tend incidents --all)"));
                var out = spec.commandLine().getOut();
                AlertOutput.timeline(incident, service.alertsOf(id), service, out);
                out.flush();
                return 0;
            }
        }
    }
}
