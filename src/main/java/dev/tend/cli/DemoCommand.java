package dev.tend.cli;

import dev.tend.alert.AlertService;
import dev.tend.alert.notify.Deliverer;
import dev.tend.backup.BackupException;
import dev.tend.backup.BackupListener;
import dev.tend.backup.BackupService;
import dev.tend.backup.BackupTarget;
import dev.tend.backup.BackupsSection;
import dev.tend.backup.Verification;
import dev.tend.check.CheckService;
import dev.tend.check.ResultHistory;
import dev.tend.registry.BuiltIn;
import dev.tend.runbook.ChecklistsSection;
import dev.tend.people.PeopleSection;
import dev.tend.runbook.RunbooksSection;
import dev.tend.schedule.SchedulesSection;
import dev.tend.schedule.WindowsSection;
import dev.tend.store.Database;
import dev.tend.target.TargetsSection;
import dev.tend.task.TaskOutcomes;
import java.util.List;
import dev.tend.demo.Demo;
import dev.tend.postgres.PostgresTarget;
import dev.tend.postgres.report.IndexScanHistory;
import dev.tend.postgres.report.PgReport;
import dev.tend.postgres.task.VacuumTask;
import dev.tend.task.TaskRequest;
import java.time.Duration;
import java.util.Optional;
import dev.tend.store.Stores;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tend demo}: Tend's main job on a throwaway platform it starts itself. */
@Command(name = "demo", footerHeading = "%nExamples:%n", footer = {"  tend demo", "  tend demo --dir /tmp/tend-demo", "  tend demo --no-serve"},
        description = "Start a throwaway PostgreSQL + Redis + API, check them all, and record the results; then, at a terminal, "
                + "serve the web UI and status page until Ctrl-C.")
final class DemoCommand implements Callable<Integer> {
    private final Main.Environment environment;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", description = "where the demo writes its config (default: tend-data/demo)")
    Path directory = Path.of("tend-data", "demo");

    @Option(names = "--no-serve", description = "end after the tour, without serving the web UI (the default when not at a terminal)")
    boolean noServe;

    @Option(names = "--serve", description = "serve the web UI after the tour even when not at a terminal")
    boolean serve;

    @Option(names = "--for", paramLabel = "DURATION", description = "stop serving after this long (default: until Ctrl-C)")
    String serveFor;

    DemoCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var limit = serveFor == null ? null : dev.tend.config.spec.DurationSpec.parse(serveFor);
        if (serveFor != null && limit == null) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--for: '" + serveFor + "' is not a duration such as 10m");
        if (serve && noServe) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--serve and --no-serve: choose one");
        Demo demo;
        try {
            demo = Demo.start(directory, out);
        } catch (NoClassDefFoundError missing) {
            throw new IllegalStateException("the demo libraries are not on the class path; run the demo through ./tend demo");
        }
        try (demo) {
            var config = BuiltIn.configLoader(environment.variables()).load(demo.configFile());
            try (var store = Stores.open(config.store())) {
                out.println();
                var results = new CheckService(environment.clock()).runAndRecord(config, TargetsSection.of(config), store, result -> {});
                ResultTable.print(results, out, Terminal.colors(environment.variables()));
                long recorded = new ResultHistory(store).latest().size();
                out.println();
                out.println("PostgreSQL report (tend pg report postgres):");
                var postgres = (PostgresTarget) TargetsSection.named(config, "postgres").orElseThrow();
                PgReportCommand.print(new IndexScanHistory(store, environment.clock()).annotate(postgres,
                        new PgReport(postgres.reportPolicy(), config.redactor()).run(postgres, postgres.settings().timeout())), out);
                out.println();
                out.println("A guarded maintenance task (tend run pg.vacuum --target postgres --table molecules):");
                var vacuum = VacuumTask.vacuum();
                var outcome = vacuum.run(postgres, new TaskRequest(Optional.empty(), Optional.of("molecules"), false, false,
                        Duration.ofMinutes(5), Duration.ofHours(1)), environment.clock());
                new TaskOutcomes(store).save(outcome);
                TaskOutput.print(outcome, vacuum.impact(), false, out);
                showLogs(config, store, out);
                showBackups(config, store, out);
                showCalendar(config, store, out);
                showRunbook(config, store, out);
                showAlerting(config, store, demo, out);
                DemoOperations.show(config, store, environment, out);
                DemoCapacity.show(config, store, environment, directory, out);
                out.println();
                out.println("Recorded in " + config.store().describe() + " (" + recorded + " checks with history). "
                        + "Run it again and the history grows; the demo services stop when it ends.");
                out.println("Task runs are kept as evidence too (" + new TaskOutcomes(store).recent("postgres", 100).size() + " for this target).");
                if (serve || (!noServe && Terminal.isTerminal())) DemoWeb.serve(config, demo.configFile(), store, environment, limit, out);
            }
        }
        out.flush();
        return 0;
    }

    /** The runbooks' "check error logs": the API's last hour, grouped into patterns, with its slow requests. */
    private void showLogs(dev.tend.config.TendConfig config, Database store, java.io.PrintWriter out) throws Exception {
        out.println();
        out.println("The daily \"check error logs\" (tend logs analyze api --since 1h):");
        var source = dev.tend.logs.LogsSection.named(config, "api").orElseThrow();
        var now = environment.clock().instant();
        var since = now.minus(Duration.ofHours(1));
        try (var opened = dev.tend.logs.LogSources.open(source, config.platform().timezone(), since)) {
            var patterns = new dev.tend.logs.LogPatterns(store);
            var report = dev.tend.logs.analyze.LogAnalyzer.analyze("api", opened.files(), opened.format(),
                    new dev.tend.logs.analyze.LogAnalyzer.Options(since, source.level(), source.slowRequest()), patterns.isNew("api"), now);
            patterns.remember("api", report.errors().stream().map(dev.tend.logs.analyze.LogReport.Pattern::template).toList(), now);
            var text = new java.io.StringWriter();
            LogsOutput.text(new java.io.PrintWriter(text), report, "1 file", opened.formatNote(), true, "error");
            text.toString().lines().filter(line -> !line.isBlank()).forEach(line -> out.println("  " + line));
        }
    }

    /** The daily checklist (ticked by the backup's evidence), then the daily runbook as a maintenance run with its sign-off. */
    private void showRunbook(dev.tend.config.TendConfig config, dev.tend.store.Database store, java.io.PrintWriter out) {
        var now = environment.clock().instant();
        out.println();
        out.println("The daily checklist (tend checklist show daily): evidence ticks what Tend did, people sign the rest:");
        var checklist = ChecklistsSection.named(config, "daily").orElseThrow();
        var states = new dev.tend.runbook.ChecklistStatus(store, config.platform().timezone(), WindowsSection.calendar(config)).at(checklist, now);
        ChecklistOutput.show(checklist, states.stream().filter(state -> state.state() != dev.tend.runbook.ItemState.State.OVERDUE).toList(), false, out);
        out.println();
        out.println("The daily runbook as a maintenance run (tend runbook run daily), paused at its manual step, then signed:");
        var runner = new dev.tend.runbook.RunbookRunner(config, store, environment.clock(), environment.variables(), line -> out.println("  " + line));
        var runbook = RunbooksSection.named(config, "daily").orElseThrow();
        var run = runner.start(runbook, "demo");
        out.println("  run " + run.id() + ": " + run.state());
        if (run.state() != dev.tend.runbook.MaintenanceRun.State.WAITING) {
            // Without the PostgreSQL client tools the backup step fails: say so, and go on with the rest of the demo.
            out.println();
            out.print(run.logEntry());
            return;
        }
        run = runner.sign(runbook, run, "error-log-review", PeopleSection.named(config, "admin").orElseThrow(), "demo: no errors");
        out.println();
        out.print(run.logEntry());
        out.println();
        out.print(run.notice());
    }

    /**
     * The API goes down: two bad rounds page the on-call webhook (signed), someone acknowledges,
     * it recovers and the incident resolves; every step reaches the receiver. The users' webhook
     * has meanwhile heard of the daily maintenance run.
     */
    private void showAlerting(dev.tend.config.TendConfig config, Database store, Demo demo, java.io.PrintWriter out) {
        var clock = environment.clock();
        var alerting = new AlertService(config, store, clock, WindowsSection.calendar(config));
        var deliverer = Deliverer.of(config, store, clock, line -> out.println("  " + line));
        deliverer.deliverDue(20); // what the maintenance run announced
        out.println();
        out.println("Alerting (tend check --target api; tend alert ack; tend incident show): the API goes down, on call is paged:");
        var api = List.of(TargetsSection.named(config, "api").orElseThrow());
        demo.apiDown(true);
        for (int round = 1; round <= 2; round++) {
            alertRound(config, store, alerting, api, round, out);
            deliverer.deliverDue(20);
        }
        var alert = alerting.alerts(false).stream().filter(candidate -> candidate.subject().equals("api")).findFirst();
        if (alert.isEmpty()) {
            out.println("  the API's alert did not fire (see tend alerts --all)");
            demo.apiDown(false);
            return;
        }
        var incident = alerting.acknowledge(alert.get().id(), "admin", "looking at the API", Optional.empty());
        out.println("  admin acknowledged incident " + incident.id() + " (tend alert ack " + alert.get().id() + " --as admin --comment \"looking at the API\")");
        deliverer.deliverDue(20);
        demo.apiDown(false);
        alertRound(config, store, alerting, api, 3, out);
        deliverer.deliverDue(20);
        out.println();
        out.println("What the on-call webhook received:");
        demo.received("oncall").forEach(line -> out.println("  " + line));
        out.println("What the users' webhook received (announcements: of the daily run):");
        demo.received("users").forEach(line -> out.println("  " + line));
        out.println();
        AlertOutput.timeline(alerting.incident(incident.id()).orElseThrow(), alerting.alertsOf(incident.id()), alerting, out);
    }

    private void alertRound(dev.tend.config.TendConfig config, Database store, AlertService alerting, List<dev.tend.target.Target> targets, int round,
            java.io.PrintWriter out) {
        var results = new CheckService(environment.clock()).runAndRecord(config, targets, store, result -> {});
        results.forEach(result -> out.println("  round " + round + ": " + result.target() + "/" + result.check() + " " + result.status() + " — " + result.reason()));
        alerting.evaluate(results).stream().filter(change -> change.transition() != null).forEach(change ->
                out.println("  alert " + change.transition() + ": " + change.fingerprint().replaceFirst("^check:", "") + " (incident " + change.incident() + ")"));
    }

    /** The windows and a week of the plan: what waits for a window, and why. */
    private void showCalendar(dev.tend.config.TendConfig config, dev.tend.store.Database store, java.io.PrintWriter out) {
        var now = environment.clock().instant();
        out.println();
        out.println("The maintenance calendar (tend windows --next 3; tend plan --days 7):");
        WindowsSection.calendar(config).occurrences(now, now.plus(Duration.ofDays(40))).stream().limit(3)
                .forEach(opening -> out.println("  window " + opening.window() + ": " + opening.start() + " → " + opening.end()));
        var plan = new dev.tend.schedule.Planner(WindowsSection.calendar(config), dev.tend.schedule.LearnedDurations.from(store))
                .plan(SchedulesSection.of(config), now, now.plus(Duration.ofDays(7)));
        plan.stream().filter(run -> run.outcome() != dev.tend.schedule.PlannedRun.Outcome.RUNS || run.window().isPresent()).forEach(run ->
                out.println("  " + run.due() + "  " + run.schedule() + " (" + run.action() + "): " + run.outcome()
                        + run.runAt().map(at -> " at " + at).orElse("") + (run.note().isEmpty() ? "" : " — " + run.note())));
        out.println("  " + plan.stream().filter(run -> run.outcome() == dev.tend.schedule.PlannedRun.Outcome.RUNS && run.window().isEmpty()).count()
                + " online runs (backups, verifications, pruning) start when due; tend serve runs them all.");
    }

    /** A backup made, proven by a real restore, and then watched by its checks. */
    private void showBackups(dev.tend.config.TendConfig config, dev.tend.store.Database store, java.io.PrintWriter out) {
        var settings = BackupsSection.named(config, "molecules").orElseThrow();
        out.println();
        out.println("A verified backup (tend backup create molecules; tend backup verify molecules):");
        var service = new BackupService(environment.clock(), environment.variables(), config.platform().timezone(), config.redactor(),
                BackupListener.SILENT);
        try {
            BackupOutput.created(service.create(settings, "daily", store), false, out);
            BackupOutput.verification(service.verify(settings, Optional.empty(), Verification.VERIFY, Optional.empty(), false, store), false, out);
        } catch (BackupException e) {
            out.println("  skipped: " + dev.tend.check.Failures.describe(e));
            return;
        }
        out.println();
        out.println("The backup's own checks (tend check --target backup:molecules):");
        var results = new CheckService(environment.clock()).runAndRecord(config, List.of(BackupTarget.of(settings, store)), store, result -> {});
        ResultTable.print(results, out, Terminal.colors(environment.variables()));
    }
}
