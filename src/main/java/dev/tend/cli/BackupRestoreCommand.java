package dev.tend.cli;

import dev.tend.store.Stores;
import dev.tend.task.TaskOutcome;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code tend backup restore NAME --id ID --into DB}: a real restore, only when confirmed. */
@Command(name = "restore", footerHeading = "%nExamples:%n", footer = {"  tend backup restore db --id ID --into molecules_restored", "  tend backup restore db --id ID --into molecules --replace --yes"},
        description = "Restore a backup for real (rollback after failed maintenance): into a new database, "
        + "or with --replace into an existing one in a single transaction. Needs --yes, or typing the database name at a terminal.")
final class BackupRestoreCommand extends BackupSubcommand implements Callable<Integer> {

    @Option(names = "--id", required = true, paramLabel = "ID", description = "the backup to restore (see tend backup list)")
    String id;

    @Option(names = "--into", required = true, paramLabel = "DATABASE", description = "the database to restore into")
    String into;

    @Option(names = "--replace", description = "the database exists: replace its contents (all or nothing)")
    boolean replace;

    @Option(names = "--yes", description = "confirm without a prompt (for scripts)")
    boolean yes;

    BackupRestoreCommand(Main.Environment environment) {
        super(environment);
    }

    @Override
    public Integer call() throws Exception {
        var config = config();
        var settings = settings(config);
        if (!yes && !confirmed()) {
            throw new ParameterException(spec.commandLine(), "a restore changes data: pass --yes, or run it at a terminal and type the database name");
        }
        try (var store = Stores.open(config.store())) {
            var outcome = service(config).restore(settings, id, into, replace, store);
            AuditSource.record(store, environment, AuditSource.loginName(environment), "backup.restore", name + " " + id + " into " + into
                    + (replace ? " (replacing)" : "") + ": " + outcome.result());
            progressDone();
            TaskOutput.print(outcome, dev.tend.task.Impact.DISRUPTIVE, json, spec.commandLine().getOut());
            return outcome.result() == TaskOutcome.Result.SUCCEEDED ? 0 : 1;
        } finally {
            progressDone();
        }
    }

    private boolean confirmed() {
        if (!Terminal.isTerminal()) return false;
        var answer = System.console().readLine("Restore %s of %s into database '%s'%s? Type the database name to confirm: ",
                id, name, into, replace ? " (REPLACING its contents)" : "");
        return into.equals(answer == null ? null : answer.strip());
    }
}
