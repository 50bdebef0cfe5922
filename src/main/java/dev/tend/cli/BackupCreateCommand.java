package dev.tend.cli;

import dev.tend.store.Stores;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tend backup create NAME}: dump, hash, manifest, publish atomically; record it. */
@Command(name = "create", footerHeading = "%nExamples:%n", footer = {"  tend backup create db", "  tend backup create db --class weekly"},
        description = "Make a backup now: dump, SHA-256, manifest, SHA256SUMS, published only when complete.")
final class BackupCreateCommand extends BackupSubcommand implements Callable<Integer> {

    @Option(names = "--class", paramLabel = "CLASS", defaultValue = "daily",
            description = "retention class recorded in the manifest: daily, weekly or monthly (default daily)")
    String retentionClass;

    BackupCreateCommand(Main.Environment environment) {
        super(environment);
    }

    @Override
    public Integer call() throws Exception {
        if (!java.util.Set.of("daily", "weekly", "monthly").contains(retentionClass)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--class: '" + retentionClass + "' is not daily, weekly or monthly");
        }
        var config = config();
        var settings = settings(config);
        try (var store = Stores.open(config.store())) {
            var created = service(config).create(settings, retentionClass, store);
            AuditSource.record(store, environment, AuditSource.loginName(environment), "backup.create", settings.name() + ": " + created.manifest().id());
            progressDone();
            BackupOutput.created(created, json, spec.commandLine().getOut());
            return 0;
        } finally {
            progressDone();
        }
    }
}
