package dev.tend.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top of the command tree; holds the options every subcommand shares. */
@Command(name = "tend", mixinStandardHelpOptions = true, version = "tend 0.1.0",
        description = "Maintenance automation for containerized data platforms.",
        subcommands = {ValidateCommand.class, CheckCommand.class, SchemaCommand.class, DemoCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:all good", "1:findings or failures (WARN, CRIT, UNKNOWN)", "2:usage or configuration error"})
public final class TendCommand implements Runnable {

    @Option(names = {"-c", "--config"}, scope = picocli.CommandLine.ScopeType.INHERIT, paramLabel = "PATH",
            description = "configuration file (default: $TEND_CONFIG, else ./tend.yaml)")
    Path config;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** -c wins over TEND_CONFIG, which wins over ./tend.yaml. */
    Path configPath() {
        if (config != null) return config;
        var fromEnvironment = System.getenv("TEND_CONFIG");
        return fromEnvironment == null || fromEnvironment.isBlank() ? Path.of("tend.yaml") : Path.of(fromEnvironment);
    }
}
