package dev.tend.cli;

import dev.tend.config.TendConfig;
import dev.tend.logs.LogSourceSettings;
import dev.tend.logs.LogSources;
import dev.tend.logs.LogsSection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code tend logs ...}: reading the platform's logs. */
@Command(name = "logs", footerHeading = "%nExamples:%n",
        footer = {"  tend logs analyze app", "  tend logs analyze /var/log/nginx/access.log --since 1h", "  tend logs patterns app --json"},
        description = "Log analysis: error patterns, memory, database errors, slow requests and statements.",
        subcommands = {LogsAnalyzeCommand.class, LogsPatternsCommand.class, LogsRotateCommand.class})
final class LogsCommand implements Runnable {

    @picocli.CommandLine.Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A SOURCE as the subcommands take it: a name from logs:, or a path (then the config, if any, is only for the store). */
    record Resolved(LogSourceSettings settings, Optional<TendConfig> config) {
        java.time.ZoneId zone() {
            return config.map(loaded -> loaded.platform().timezone()).orElse(java.time.ZoneOffset.UTC);
        }

        /** Its files and format, or null after saying on stderr why it cannot be read. */
        LogSources.Opened open(CommandSpec spec, java.time.Instant since) {
            try {
                return LogSources.open(settings, zone(), since);
            } catch (LogSources.Unreadable e) {
                spec.commandLine().getErr().println("tend logs " + spec.name() + ": " + e.getMessage());
                return null;
            }
        }
    }

    static Resolved resolve(CommandSpec spec, String source) throws Exception {
        var tend = (TendCommand) spec.parent().parent().userObject();
        boolean configured = Files.exists(tend.configPath());
        var config = configured ? Optional.of(tend.loadConfig()) : Optional.<TendConfig>empty();
        var named = config.flatMap(loaded -> LogsSection.named(loaded, source));
        if (named.isPresent()) return new Resolved(named.get(), config);
        if (source.contains("/") || source.contains("*") || Files.exists(Path.of(source))) return new Resolved(LogSourceSettings.ofPath(source), config);
        var names = config.map(loaded -> LogsSection.of(loaded).stream().map(LogSourceSettings::name).toList()).orElse(java.util.List.of());
        throw new ParameterException(spec.commandLine(), "no log source named '" + source + "' and no such file"
                + (names.isEmpty() ? (configured ? " (" + tend.configPath() + " has no logs: section)" : "") : "; sources: " + String.join(", ", names)));
    }
}
