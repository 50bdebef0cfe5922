package dev.tend.cli;

import dev.tend.backup.BackupService;
import dev.tend.backup.BackupSettings;
import dev.tend.backup.BackupsSection;
import dev.tend.config.TendConfig;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** What every {@code tend backup} subcommand shares: the backup's name, the config, the service. */
abstract class BackupSubcommand {
    final Main.Environment environment;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "the backup's name in tend.yaml (backups: - name: ...)")
    String name;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    BackupSubcommand(Main.Environment environment) {
        this.environment = environment;
    }

    TendConfig config() throws Exception {
        return ((TendCommand) spec.parent().parent().userObject()).loadConfig();
    }

    BackupSettings settings(TendConfig config) {
        return BackupsSection.named(config, name).orElseThrow(() -> new ParameterException(spec.commandLine(), "no backup named '" + name + "'"
                + (BackupsSection.of(config).isEmpty() ? "; tend.yaml has no backups: section"
                        : "; backups: " + String.join(", ", BackupsSection.of(config).stream().map(BackupSettings::name).toList()))));
    }

    private dev.tend.backup.BackupListener listener = dev.tend.backup.BackupListener.SILENT;

    BackupService service(TendConfig config) {
        listener = json ? dev.tend.backup.BackupListener.SILENT : ProgressListener.forOutput(spec.commandLine().getErr());
        return new BackupService(environment.clock(), environment.variables(), config.platform().timezone(), config.redactor(), listener);
    }

    /** Verify and drill: the same restore and comparison, recorded and printed; exit 1 when it failed. */
    int verifyAndPrint(String kind, java.util.Optional<String> id, java.util.Optional<String> into, boolean keep) throws Exception {
        var config = config();
        var settings = settings(config);
        try (var store = dev.tend.store.Stores.open(config.store())) {
            var verification = service(config).verify(settings, id, kind, into, keep, store);
            progressDone();
            BackupOutput.verification(verification, json, spec.commandLine().getOut());
            return verification.passed() ? 0 : 1;
        } finally {
            progressDone();
        }
    }

    /** Ends the progress display before the result is printed. */
    void progressDone() {
        listener.done();
    }
}
