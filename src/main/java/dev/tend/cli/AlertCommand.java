package dev.tend.cli;

import dev.tend.alert.AlertService;
import dev.tend.config.TendConfig;
import dev.tend.people.PeopleSection;
import dev.tend.people.Person;
import dev.tend.store.Stores;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code tend alert show|ack|resolve ID}: one alert, and what a person does about it. */
@Command(name = "alert", footerHeading = "%nExamples:%n", footer = {"  tend alert show 7", "  tend alert ack 7 --as alice --comment \"looking\" --for 2h"},
        description = "One alert: show it, acknowledge its incident, or resolve it by hand.",
        subcommands = {AlertCommand.Show.class, AlertCommand.Ack.class, AlertCommand.Resolve.class})
final class AlertCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** --as names someone under people:; without it, the login name is recorded. */
    static String actorOf(TendConfig config, String as, Main.Environment environment, picocli.CommandLine.Model.CommandSpec spec) {
        if (as == null) return AuditSource.loginName(environment);
        return PeopleSection.named(config, as).map(dev.tend.people.Person::name).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "no person named '" + as + "' under people:"));
    }

    /** What the subcommands share: the alert's number, the config, the acting person. */
    abstract static class Base implements Callable<Integer> {
        final Main.Environment environment;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "the alert's number (see tend alerts)")
        long id;

        Base(Main.Environment environment) {
            this.environment = environment;
        }

        TendConfig config() throws Exception {
            return ((TendCommand) spec.parent().parent().userObject()).loadConfig();
        }

        String actor(TendConfig config, String as) {
            return actorOf(config, as, environment, spec);
        }

        abstract int act(TendConfig config, AlertService service) throws Exception;

        /** The open store, while {@link #act} runs: for the audit log. */
        dev.tend.store.Database store;

        @Override
        public Integer call() throws Exception {
            var config = config();
            try (var store = Stores.open(config.store())) {
                this.store = store;
                try {
                    return act(config, new AlertService(config, store, environment.clock()));
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), e.getMessage());
                }
            }
        }
    }

    @Command(name = "show", footerHeading = "%nExamples:%n", footer = {"  tend alert show 7"},
            description = "The alert, its incident and its history.")
    static final class Show extends Base {
        Show(Main.Environment environment) {
            super(environment);
        }

        @Override
        int act(TendConfig config, AlertService service) {
            var alert = service.alert(id).orElseThrow(() -> new IllegalArgumentException("no alert " + id + " (see tend alerts --all)"));
            var out = spec.commandLine().getOut();
            out.println("alert " + alert.id() + " " + alert.fingerprint() + ": " + alert.state() + ", " + alert.severity());
            out.println("  " + alert.reason());
            out.println("  since " + alert.since() + "; " + alert.badStreak() + " bad and " + alert.goodStreak() + " good results in a row"
                    + alert.incidentId().map(incident -> "; incident " + incident + " (tend incident show " + incident + ")").orElse(""));
            out.println("history:");
            service.history(alert.id()).forEach(event -> out.println("  " + event.at() + "  " + event.kind() + "  " + event.detail()));
            out.flush();
            return 0;
        }
    }

    @Command(name = "ack", footerHeading = "%nExamples:%n", footer = {"  tend alert ack 7 --as alice --comment \"restarting the pool\" --for 2h"},
            description = "Acknowledge the alert's incident: escalation stops; with --for it triggers again then if still open.")
    static final class Ack extends Base {
        @Option(names = "--as", paramLabel = "PERSON", description = "who acknowledges (a name under people:; default: your login name)")
        String as;

        @Option(names = "--comment", paramLabel = "TEXT", defaultValue = "", description = "what you are doing about it")
        String comment;

        @Option(names = "--for", paramLabel = "DURATION", description = "how long the acknowledgement holds (e.g. 2h); default: until resolved")
        String forHowLong;

        Ack(Main.Environment environment) {
            super(environment);
        }

        @Override
        int act(TendConfig config, AlertService service) {
            var until = Optional.ofNullable(forHowLong).map(dev.tend.config.spec.DurationSpec::parse);
            if (forHowLong != null && until.isEmpty()) throw new IllegalArgumentException("--for: '" + forHowLong + "' is not a duration (e.g. 30m, 2h)");
            var actor = actor(config, as);
            var incident = service.acknowledge(id, actor, comment, until);
            AuditSource.record(store, environment, actor, "alert.acknowledge", "alert " + id + ", incident " + incident.id()
                    + until.map(d -> " for " + dev.tend.check.Units.age(d)).orElse("") + (comment.isBlank() ? "" : ": " + comment));
            var out = spec.commandLine().getOut();
            out.println("incident " + incident.id() + " acknowledged by " + incident.acknowledgedBy().orElse("?")
                    + incident.ackUntil().map(end -> " until " + end).orElse("") + ": " + incident.title());
            out.flush();
            return 0;
        }
    }

    @Command(name = "resolve", footerHeading = "%nExamples:%n", footer = {"  tend alert resolve 7 --as alice --comment \"pool restarted\""},
            description = "Resolve the alert by hand; it fires again after its streak of bad results if the problem remains.")
    static final class Resolve extends Base {
        @Option(names = "--as", paramLabel = "PERSON", description = "who resolves it (a name under people:; default: your login name)")
        String as;

        @Option(names = "--comment", paramLabel = "TEXT", defaultValue = "", description = "what was done")
        String comment;

        Resolve(Main.Environment environment) {
            super(environment);
        }

        @Override
        int act(TendConfig config, AlertService service) {
            var actor = actor(config, as);
            var alert = service.resolve(id, actor, comment);
            AuditSource.record(store, environment, actor, "alert.resolve", "alert " + id + " (" + alert.label() + ")" + (comment.isBlank() ? "" : ": " + comment));
            var out = spec.commandLine().getOut();
            out.println("alert " + alert.id() + " (" + alert.label() + ") resolved");
            out.flush();
            return 0;
        }
    }
}
