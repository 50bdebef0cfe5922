package dev.tend.cli;

import dev.tend.check.CheckResult;
import dev.tend.check.CheckService;
import dev.tend.config.TendConfig;
import dev.tend.alert.AlertService;
import dev.tend.schedule.WindowsSection;
import dev.tend.alert.notify.Deliverer;
import dev.tend.store.Database;
import dev.tend.store.Stores;
import dev.tend.target.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;

/** {@code tend check}: probe every target now, record the results, print them. */
@Command(name = "check", footerHeading = "%nExamples:%n", footer = {"  tend check", "  tend check --json --target db --target api"},
        description = "Run every health check now, record the results and print them.")
final class CheckCommand implements Callable<Integer> {
    private final Main.Environment environment;

    @ParentCommand
    TendCommand tend;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "print JSON instead of a table")
    boolean json;

    @Option(names = "--target", paramLabel = "NAME", description = "only this target (repeatable)")
    List<String> only = new ArrayList<>();

    CheckCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        var config = tend.loadConfig();
        List<CheckResult> results;
        List<AlertService.Change> alerts = List.of();
        Deliverer.Pass delivery = new Deliverer.Pass(0, 0, 0);
        CheckService.NotRecordedException notRecorded = null;
        try (var store = Stores.open(config.store())) {
            var targets = selected(config, store);
            results = new CheckService(environment.clock()).runAndRecord(config, targets, store, result -> {});
            // Alert state moves with every round; only tend serve delivers notifications and drives escalation.
            alerts = new AlertService(config, store, environment.clock(), WindowsSection.calendar(config)).evaluate(results);
            // One pass over what is due (this round's pages first of all); what fails is left to tend serve's retries.
            delivery = Deliverer.of(config, store, environment.clock(), line -> { }).deliverDue(20);
        } catch (CheckService.NotRecordedException e) {
            results = e.results(); // show what was found even though the store refused it
            notRecorded = e;
        }
        var out = spec.commandLine().getOut();
        if (json) {
            ResultJson.print(results, out);
        } else {
            ResultTable.print(results, out, Terminal.colors(environment.variables()));
            alerts.stream().filter(change -> change.transition() != null).forEach(change -> out.println("alert " + change.transition()
                    + ": " + change.fingerprint().replaceFirst("^check:", "") + " (incident " + change.incident() + "): " + change.detail()));
            if (!delivery.idle()) {
                out.println("notifications: " + delivery.delivered() + " delivered, " + delivery.retried() + " to retry (tend serve retries), "
                        + delivery.dead() + " undeliverable (see tend incident show)");
            }
        }
        out.flush();
        if (notRecorded != null) throw notRecorded;
        return results.stream().allMatch(result -> result.status().isOk()) ? 0 : 1;
    }

    /** The config's targets, its backups as backup:NAME and checked log sources as logs:NAME; or those --target names. */
    private List<Target> selected(TendConfig config, Database store) {
        var all = dev.tend.action.WatchedTargets.of(config, store, environment.clock());
        if (only.isEmpty()) return all;
        var chosen = new ArrayList<Target>();
        for (var name : only) {
            var target = all.stream().filter(candidate -> candidate.name().equals(name)).findFirst().orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "no target named '" + name + "'; targets: " + String.join(", ", all.stream().map(Target::name).toList())));
            if (!chosen.contains(target)) chosen.add(target);
        }
        return chosen;
    }
}
