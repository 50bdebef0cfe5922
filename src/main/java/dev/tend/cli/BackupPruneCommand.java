package dev.tend.cli;

import dev.tend.store.Stores;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tend backup prune NAME}: grandfather-father-son retention, with the reason for each backup. */
@Command(name = "prune", footerHeading = "%nExamples:%n", footer = {"  tend backup prune db --dry-run", "  tend backup prune db"},
        description = "Delete backups past their retention (daily, weekly, monthly); never the newest or the newest verified. "
        + "--dry-run lists what would go and why.")
final class BackupPruneCommand extends BackupSubcommand implements Callable<Integer> {

    @Option(names = "--dry-run", description = "list what would be deleted and why; delete nothing")
    boolean dryRun;

    BackupPruneCommand(Main.Environment environment) {
        super(environment);
    }

    @Override
    public Integer call() throws Exception {
        var config = config();
        var settings = settings(config);
        try (var store = Stores.open(config.store())) {
            var decisions = service(config).prune(settings, dryRun, store);
            if (!dryRun) {
                AuditSource.record(store, environment, AuditSource.loginName(environment), "backup.prune", settings.name() + ": "
                        + decisions.stream().filter(decision -> !decision.keep()).count() + " of " + decisions.size() + " deleted");
            }
            BackupOutput.prune(decisions, dryRun, json, spec.commandLine().getOut());
            return 0;
        }
    }
}
