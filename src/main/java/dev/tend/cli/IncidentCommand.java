package dev.tend.cli;

import dev.tend.alert.AlertService;
import dev.tend.store.Stores;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code tend incident show|note ID}: an incident's alerts and timeline, and notes added to it. */
@Command(name = "incident", footerHeading = "%nExamples:%n", footer = {"  tend incident show 3", "  tend incident note 3 --as alice \"pool exhausted by a batch job\""},
        description = "One incident: its alerts and its timeline; add a note to it.", subcommands = {IncidentCommand.Show.class, IncidentCommand.Note.class})
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

    @Command(name = "note", footerHeading = "%nExamples:%n",
            footer = {"  tend incident note 3 --as alice \"batch job held the pool; limited it\""},
            description = "Add a note to the incident's timeline (what was found, what was done); it pages nobody.")
    static final class Note implements Callable<Integer> {
        private final Main.Environment environment;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "the incident's number (see tend incidents --all)")
        long id;

        @Parameters(index = "1", paramLabel = "TEXT", description = "the note")
        String text;

        @picocli.CommandLine.Option(names = "--as", paramLabel = "PERSON", description = "who writes it (a name under people:; default: your login name)")
        String as;

        Note(Main.Environment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() throws Exception {
            var config = ((TendCommand) spec.parent().parent().userObject()).loadConfig();
            var actor = AlertCommand.actorOf(config, as, environment, spec);
            try (var store = Stores.open(config.store())) {
                var entry = new AlertService(config, store, environment.clock()).note(id, actor, text);
                AuditSource.record(store, environment, actor, "incident.note", "incident " + id + ": " + text);
                var out = spec.commandLine().getOut();
                out.println("incident " + id + ": note by " + entry.actor() + " at " + entry.at());
                out.flush();
                return 0;
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
    }
}
