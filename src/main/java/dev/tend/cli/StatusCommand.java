package dev.tend.cli;

import dev.tend.access.AuditLog;
import dev.tend.status.StatusIncident;
import dev.tend.status.StatusPageBuilder;
import dev.tend.status.StatusService;
import dev.tend.store.Stores;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code tend status [publish|update]}: the public status page as the public sees it, and its incidents, which people publish. */
@Command(name = "status", footerHeading = "%nExamples:%n",
        footer = {"  tend status", "  tend status publish --from 3 --title \"Slow searches\" --message \"Looking.\"",
                "  tend status update 1 --status resolved --message \"Fixed.\""},
        description = "The public status page as the public sees it (components, incidents, maintenance), what Tend proposes to publish, "
                + "and publishing incidents and their updates.",
        subcommands = {StatusCommand.Publish.class, StatusCommand.Update.class})
final class StatusCommand implements Callable<Integer> {
    private final Main.Environment environment;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    StatusCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        var config = ((TendCommand) spec.parent().userObject()).loadConfig();
        try (var store = Stores.open(config.store())) {
            var page = new StatusPageBuilder(config, store, environment.clock()).build();
            var out = spec.commandLine().getOut();
            out.println(page.title() + ": " + page.indicator().description() + " (indicator " + page.indicator().indicator() + ")");
            out.println();
            for (var component : page.components()) out.printf("  %-32s %s%n", component.name(), component.status().words());
            print(out, "Incidents", page.incidents());
            print(out, "Maintenance", page.maintenances());
            var proposals = new StatusService(config, store, environment.clock()).proposals();
            if (!proposals.isEmpty()) {
                out.println();
                out.println("Proposed (open incidents touching public components, not published):");
                for (var proposal : proposals) {
                    out.println("  incident " + proposal.alertIncident() + " [" + proposal.severity() + "] " + proposal.title() + " → " + String.join(", ", proposal.components()));
                    out.println("    tend status publish --from " + proposal.alertIncident() + " --title \"...\" --impact minor|major|critical --message \"...\"");
                }
            }
            out.flush();
            return 0;
        }
    }

    private static void print(java.io.PrintWriter out, String heading, List<StatusIncident> incidents) {
        if (incidents.isEmpty()) return;
        out.println();
        out.println(heading + ":");
        for (var incident : incidents) {
            out.println("  " + incident.id() + "  " + incident.name() + "  [" + incident.status() + (incident.maintenance() ? "" : ", impact " + incident.impact()) + "]"
                    + (incident.components().isEmpty() ? "" : "  " + String.join(", ", incident.components())));
            incident.updates().stream().findFirst().ifPresent(update -> out.println("      " + update.at() + " " + update.status() + ": " + update.body()));
        }
    }

    abstract static class Change implements Callable<Integer> {
        final Main.Environment environment;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--message", required = true, paramLabel = "TEXT", description = "what the public should know, in their words")
        String message;

        @Option(names = "--as", paramLabel = "PERSON", description = "who publishes it, for the audit log (a name under people:; default: your login name)")
        String as;

        Change(Main.Environment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() throws Exception {
            var config = ((TendCommand) spec.parent().parent().userObject()).loadConfig();
            var actor = AlertCommand.actorOf(config, as, environment, spec);
            try (var store = Stores.open(config.store())) {
                var done = change(new StatusService(config, store, environment.clock()), actor);
                new AuditLog(store).record(new AuditLog.Entry(environment.clock().instant(), actor, done[0], done[1], AuditSource.cli(environment)));
                spec.commandLine().getOut().println(done[1]);
                spec.commandLine().getOut().flush();
                return 0;
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }

        /** Makes the change; returns the audit action and what to print. */
        abstract String[] change(StatusService service, String actor);
    }

    @Command(name = "publish", footerHeading = "%nExamples:%n",
            footer = {"  tend status publish --from 3 --title \"Slow searches\" --message \"Looking.\"",
                    "  tend status publish --title Down --impact major --component Api --message On."},
            description = "Publish an incident on the status page (investigating), from an incident Tend proposed or on its own.")
    static final class Publish extends Change {
        @Option(names = "--title", required = true, paramLabel = "TEXT", description = "its title, as the public reads it")
        String title;

        @Option(names = "--impact", defaultValue = "minor", paramLabel = "IMPACT", description = "none, minor, major or critical (default: ${DEFAULT-VALUE})")
        String impact;

        @Option(names = "--component", paramLabel = "NAME", description = "a component it affects (repeat for more); default: those of --from")
        List<String> components = List.of();

        @Option(names = "--from", paramLabel = "INCIDENT", description = "the incident (tend incidents) it tells the public about")
        Long from;

        Publish(Main.Environment environment) {
            super(environment);
        }

        @Override
        String[] change(StatusService service, String actor) {
            long id = service.publish(title, impact, components, Optional.ofNullable(from), message, actor);
            return new String[] {"status.publish", "published incident " + id + " on the status page: " + title.strip() + " (investigating, impact " + impact + ")"};
        }
    }

    @Command(name = "update", footerHeading = "%nExamples:%n", footer = {"  tend status update 1 --status identified --message \"A full disk.\""},
            description = "Post an update to a published incident: identified, monitoring, resolved or postmortem.")
    static final class Update extends Change {
        @Parameters(index = "0", paramLabel = "ID", description = "the published incident's number (see tend status)")
        long id;

        @Option(names = "--status", required = true, paramLabel = "STATUS", description = "investigating, identified, monitoring, resolved or postmortem")
        String status;

        Update(Main.Environment environment) {
            super(environment);
        }

        @Override
        String[] change(StatusService service, String actor) {
            var incident = service.update(id, status, message, actor);
            return new String[] {"status.update", "incident " + id + " (" + incident.name() + ") is now " + incident.status()};
        }
    }
}
