package dev.tend.cli;

import dev.tend.store.Stores;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code tend backup list NAME}: complete backups, newest first, with their last verification. */
@Command(name = "list", footerHeading = "%nExamples:%n", footer = {"  tend backup list db", "  tend backup list db --json"},
        description = "List the complete backups, newest first, with size, rows and last verification.")
final class BackupListCommand extends BackupSubcommand implements Callable<Integer> {

    BackupListCommand(Main.Environment environment) {
        super(environment);
    }

    @Override
    public Integer call() throws Exception {
        var config = config();
        var settings = settings(config);
        try (var store = Stores.open(config.store())) {
            var inventory = service(config).inventory(settings, store);
            BackupOutput.list(settings, inventory.backups(), inventory.leftovers(), inventory.damaged(), json, spec.commandLine().getOut());
            return 0;
        }
    }
}
