package dev.tend.cli;

import dev.tend.config.ConfigException;
import dev.tend.config.ConfigLoader;
import dev.tend.config.TendConfig;
import dev.tend.registry.BuiltIn;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top of the command tree; holds the options every subcommand shares. Its subcommands are added by {@link Commands}. */
@Command(name = "tend", footerHeading = "%nExamples:%n", footer = {"  tend validate -c tend.yaml", "  tend check --target db", "  tend help backup verify"},
        mixinStandardHelpOptions = true, version = "tend 0.1.0",
        description = "Maintenance automation for containerized data platforms.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:all good", "1:findings or failures (WARN, CRIT, UNKNOWN)", "2:usage or configuration error"})
public final class TendCommand implements Runnable {
    private final Main.Environment environment;

    @Option(names = {"-c", "--config"}, scope = picocli.CommandLine.ScopeType.INHERIT, paramLabel = "PATH",
            description = "configuration file ($TEND_CONFIG or ./tend.yaml)")
    Path config;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    TendCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Loads the configuration with this process's environment for secret references. */
    TendConfig loadConfig() throws ConfigException {
        return BuiltIn.configLoader(environment.variables()).load(configPath());
    }

    /** Loads it for validation; without secrets, references are checked but not looked up. */
    ConfigLoader.Loaded loadForValidation(boolean withoutSecrets) throws ConfigException {
        var loader = BuiltIn.configLoader(environment.variables());
        return (withoutSecrets ? loader.withoutSecrets() : loader).loadWithNotes(configPath());
    }

    /** -c wins over TEND_CONFIG, which wins over ./tend.yaml. */
    Path configPath() {
        if (config != null) return config;
        var fromEnvironment = environment.variables().apply("TEND_CONFIG");
        return fromEnvironment == null || fromEnvironment.isBlank() ? Path.of("tend.yaml") : Path.of(fromEnvironment);
    }
}
