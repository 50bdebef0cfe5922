package dev.tend.cli;

import dev.tend.config.spec.DurationSpec;
import dev.tend.logs.LogLevel;
import dev.tend.logs.LogPatterns;
import dev.tend.logs.analyze.LogAnalyzer;
import dev.tend.logs.analyze.LogReport;
import dev.tend.store.Stores;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code tend logs analyze SOURCE}: the runbooks' "check error logs" in one report. */
@Command(name = "analyze", footerHeading = "%nExamples:%n",
        footer = {"  tend logs analyze app", "  tend logs analyze db --since 7d --json", "  tend logs analyze /var/log/nginx/access.log --slow 500ms"},
        description = {"Read a log source and report error patterns (new ones marked), memory trouble, database errors, "
                + "requests per endpoint with the slow ones, and the slowest statements.",
                "Exit 1 when there are errors or input could not be read."})
final class LogsAnalyzeCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final Main.Environment environment;

    LogsAnalyzeCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Parameters(paramLabel = "SOURCE", description = "a name from logs:, or a file or glob")
    String source;

    @Option(names = "--since", paramLabel = "DURATION", defaultValue = "24h", description = "only records of the last DURATION (default 24h); 'all' for every line")
    String since;

    @Option(names = "--level", paramLabel = "LEVEL", description = "the least level of the error patterns: warn, error (default) or fatal")
    String level;

    @Option(names = "--slow", paramLabel = "DURATION", description = "a request slower than this is slow (default: the source's slowRequest, 1s)")
    String slow;

    @Option(names = "--json", description = "print JSON instead of text")
    boolean json;

    @Override
    public Integer call() throws Exception {
        var resolved = LogsCommand.resolve(spec, source);
        var settings = resolved.settings();
        var now = environment.clock().instant();
        java.time.Instant from = null;
        if (!since.equals("all")) {
            var duration = DurationSpec.parse(since);
            if (duration == null) throw new ParameterException(spec.commandLine(), "--since: '" + since + "' is not a duration such as 24h (or 'all')");
            from = now.minus(duration);
        }
        var least = settings.level();
        if (level != null) {
            least = LogLevel.parse(level).filter(parsed -> parsed.atLeast(LogLevel.WARN))
                    .orElseThrow(() -> new ParameterException(spec.commandLine(), "--level: '" + level + "' is not one of warn, error, fatal"));
        }
        var threshold = settings.slowRequest();
        if (slow != null) {
            threshold = DurationSpec.parse(slow);
            if (threshold == null) throw new ParameterException(spec.commandLine(), "--slow: '" + slow + "' is not a duration such as 1s");
        }
        try (var opened = resolved.open(spec, from)) {
            if (opened == null) return 1;
            return analyze(resolved, opened, new LogAnalyzer.Options(from, least, threshold), now);
        }
    }

    private int analyze(LogsCommand.Resolved resolved, dev.tend.logs.LogSources.Opened opened, LogAnalyzer.Options options, java.time.Instant now) {
        var settings = resolved.settings();
        LogReport report;
        if (resolved.config().isPresent()) {
            try (var store = Stores.open(resolved.config().get().store())) {
                var patterns = new LogPatterns(store);
                report = LogAnalyzer.analyze(settings.name(), opened.files(), opened.format(), options, patterns.isNew(settings.name()), now);
                patterns.remember(settings.name(), report.errors().stream().map(LogReport.Pattern::template).toList(), now);
            }
        } else {
            report = LogAnalyzer.analyze(settings.name(), opened.files(), opened.format(), options, template -> false, now);
        }
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(LogsOutput.json(report));
        } else {
            var files = opened.files().size();
            var where = settings.container().isPresent() ? settings.describe() : files + (files == 1 ? " file" : " files");
            LogsOutput.text(out, report, where, opened.formatNote(), resolved.config().isPresent(), options.level().name().toLowerCase(Locale.ROOT));
        }
        out.flush();
        return report.findings() ? 1 : 0;
    }
}
