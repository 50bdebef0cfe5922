package dev.tend.cli;

import dev.tend.store.Stores;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code tend backup list NAME}: complete backups, newest first, with their last verification. */
@Command(name = "list", description = "List the complete backups, newest first, with size, rows and last verification.")
final class BackupListCommand extends BackupSubcommand implements Callable<Integer> {

    BackupListCommand(Main.Environment environment) {
        super(environment);
    }

    @Override
    public Integer call() throws Exception {
        var config = config();
        var settings = settings(config);
        try (var store = Stores.open(config.store())) {
            var service = service(config);
            BackupOutput.list(settings, service.list(settings, store), service.leftovers(settings), service.damaged(settings), json,
                    spec.commandLine().getOut());
            return 0;
        }
    }
}
