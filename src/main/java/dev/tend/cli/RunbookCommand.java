package dev.tend.cli;

import dev.tend.alert.notify.Deliverer;
import dev.tend.config.TendConfig;
import dev.tend.runbook.MaintenanceRun;
import dev.tend.runbook.MaintenanceRuns;
import dev.tend.people.PeopleSection;
import dev.tend.runbook.Runbook;
import dev.tend.runbook.RunbookRunner;
import dev.tend.runbook.RunbooksSection;
import dev.tend.store.Database;
import dev.tend.store.Stores;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code tend runbook ...}: run a runbook as a maintenance run, sign its manual steps, show its record. */
@Command(name = "runbook", footerHeading = "%nExamples:%n", footer = {"  tend runbook list", "  tend runbook run sunday --dry-run"},
            description = "Runbooks: list, run (--dry-run prints the plan), sign a manual step, show a run.",
        subcommands = {RunbookCommand.ListRunbooks.class, RunbookCommand.Run.class, RunbookCommand.Sign.class, RunbookCommand.Show.class})
final class RunbookCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What every subcommand shares: the config, the runbook by name, printing a run. */
    abstract static class Base {
        final Main.Environment environment;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        Base(Main.Environment environment) {
            this.environment = environment;
        }

        TendConfig config() throws Exception {
            return ((TendCommand) spec.parent().parent().userObject()).loadConfig();
        }

        Runbook runbook(TendConfig config, String name) {
            return RunbooksSection.named(config, name).orElseThrow(() -> new ParameterException(spec.commandLine(), "no runbook named '" + name + "'; runbooks: "
                    + String.join(", ", RunbooksSection.of(config).stream().map(Runbook::name).toList())));
        }

        RunbookRunner runner(TendConfig config, Database store) {
            var out = spec.commandLine().getOut();
            return new RunbookRunner(config, store, environment.clock(), environment.variables(), line -> {
                out.println("  " + line);
                out.flush();
            });
        }

        /** After the run moved: what it sent (announcements, a page when it failed) gets one delivery pass, as tend check does. */
        int deliverAndReport(MaintenanceRun run, TendConfig config, Database store, PrintWriter out) {
            var pass = Deliverer.of(config, store, environment.clock(), line -> { }).deliverDue(20);
            int code = report(run, out);
            if (!pass.idle()) {
                out.println("notifications: " + pass.delivered() + " delivered, " + pass.retried() + " to retry (tend serve retries), "
                        + pass.dead() + " undeliverable (see tend incidents)");
                out.flush();
            }
            return code;
        }

        int report(MaintenanceRun run, PrintWriter out) {
            out.println("run " + run.id() + " of " + run.runbook() + ": " + run.state());
            if (run.state().over()) {
                out.println();
                out.print(run.logEntry());
                out.println();
                out.print(run.notice());
            }
            out.flush();
            return run.state() == MaintenanceRun.State.FAILED || run.state() == MaintenanceRun.State.ROLLED_BACK ? 1 : 0;
        }
    }

    @Command(name = "list", footerHeading = "%nExamples:%n", footer = {"  tend runbook list"},
            description = "The configured runbooks.")
    static final class ListRunbooks extends Base implements Callable<Integer> {
        ListRunbooks(Main.Environment environment) {
            super(environment);
        }

        @Override
        public Integer call() throws Exception {
            var out = spec.commandLine().getOut();
            for (var runbook : RunbooksSection.of(config())) {
                out.printf("%-20s %-22s %d steps%s%n", runbook.name(), runbook.title(), runbook.steps().size(),
                        runbook.window().map(window -> ", window " + window).orElse(""));
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "run", footerHeading = "%nExamples:%n", footer = {"  tend runbook run sunday --dry-run", "  tend runbook run sunday --as alice"},
            description = "Carry out a runbook now as a maintenance run (--dry-run: print the plan only). "
            + "Pauses at a manual step until it is signed. Exit 1 when it failed or rolled back.")
    static final class Run extends Base implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "RUNBOOK", description = "the runbook's name (see tend runbook list)")
        String name;

        @Option(names = "--dry-run", description = "print the steps in order; run nothing, record nothing")
        boolean dryRun;

        @Option(names = "--as", paramLabel = "PERSON", defaultValue = "tend", description = "who starts it (recorded as the actor)")
        String as;

        Run(Main.Environment environment) {
            super(environment);
        }

        @Override
        public Integer call() throws Exception {
            var config = config();
            var runbook = runbook(config, name);
            var out = spec.commandLine().getOut();
            if (dryRun) {
                RunbookRunner.plan(runbook).forEach(out::println);
                out.flush();
                return 0;
            }
            try (var store = Stores.open(config.store())) {
                var run = runner(config, store).start(runbook, as);
                AuditSource.record(store, environment, as, "runbook.run", "runbook " + runbook.name() + ": run " + run.id() + " " + run.state());
                return deliverAndReport(run, config, store, out);
            }
        }
    }

    @Command(name = "sign", footerHeading = "%nExamples:%n", footer = {"  tend runbook sign 12 review-logs --as alice --comment \"reviewed\""},
            description = "Sign the manual step a run waits for, as a person holding its role; the run then goes on.")
    static final class Sign extends Base implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "RUN", description = "the run's number (printed when it started)")
        long runId;

        @Parameters(index = "1", paramLabel = "STEP", description = "the manual step's id the run waits for")
        String step;

        @Option(names = "--as", required = true, paramLabel = "PERSON", description = "who signs (a name under people: holding the step's role)")
        String as;

        @Option(names = "--comment", defaultValue = "", paramLabel = "TEXT", description = "what was done or seen")
        String comment;

        Sign(Main.Environment environment) {
            super(environment);
        }

        @Override
        public Integer call() throws Exception {
            var config = config();
            var person = PeopleSection.named(config, as).orElseThrow(() -> new ParameterException(spec.commandLine(), "no person named '" + as + "' under people:"));
            try (var store = Stores.open(config.store())) {
                var run = new MaintenanceRuns(store).find(runId).orElseThrow(() -> new ParameterException(spec.commandLine(), "no maintenance run " + runId));
                try {
                    var signed = runner(config, store).sign(runbook(config, run.runbook()), run, step, person, comment);
                    AuditSource.record(store, environment, person.name(), "runbook.sign", "run " + runId + " step " + step + ": run " + signed.state()
                            + (comment.isBlank() ? "" : "; " + comment));
                    return deliverAndReport(signed, config, store, spec.commandLine().getOut());
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), e.getMessage());
                }
            }
        }
    }

    @Command(name = "show", footerHeading = "%nExamples:%n", footer = {"  tend runbook show 12"},
            description = "A run's timeline (every transition and step with time and actor), log entry and notice.")
    static final class Show extends Base implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "RUN", description = "the run's number")
        long runId;

        Show(Main.Environment environment) {
            super(environment);
        }

        @Override
        public Integer call() throws Exception {
            var config = config();
            try (var store = Stores.open(config.store())) {
                var run = new MaintenanceRuns(store).find(runId).orElseThrow(() -> new ParameterException(spec.commandLine(), "no maintenance run " + runId));
                var out = spec.commandLine().getOut();
                for (var event : new MaintenanceRuns(store).events(runId)) {
                    out.printf("%s  %-8s %-14s %-24s %s%n", event.at(), event.actor(), event.kind(), event.step(), event.detail());
                }
                return report(run, out);
            }
        }
    }
}
