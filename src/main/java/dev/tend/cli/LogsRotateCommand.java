package dev.tend.cli;

import dev.tend.logs.LogRotation;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

/** {@code tend logs rotate SOURCE}: the weekly "rotate logs", as the source's rotate: says. */
@Command(name = "rotate", footerHeading = "%nExamples:%n", footer = {"  tend logs rotate nginx --dry-run", "  tend logs rotate app --force"},
        description = "Rotate a source's current files when due (by rename and a signal to the writer, or by copy and truncate), "
                + "then compress, delete and trim its rotated files as its rotate: says.")
final class LogsRotateCommand implements Callable<Integer> {
    private final Main.Environment environment;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SOURCE", description = "a name from logs: with rotate:")
    String source;

    @Option(names = "--dry-run", description = "say what would be done; change nothing")
    boolean dryRun;

    @Option(names = "--force", description = "rotate now, whether due or not")
    boolean force;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    LogsRotateCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        var resolved = LogsCommand.resolve(spec, source);
        var settings = resolved.settings();
        if (resolved.config().isEmpty() || settings.rotate().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "log source '" + source + "' has no rotate: in " + "the config (see docs/logs.md#rotation)");
        }
        var outcome = LogRotation.run(settings, settings.rotate().get(), environment.clock().instant(), resolved.zone(), dryRun, force);
        var out = spec.commandLine().getOut();
        if (json) {
            var row = new LinkedHashMap<String, Object>();
            row.put("source", settings.name());
            row.put("dryRun", dryRun);
            row.put("steps", outcome.steps());
            row.put("gapLines", outcome.gapLines());
            row.put("gapBytes", outcome.gapBytes());
            row.put("failures", outcome.failures());
            out.println(JsonMapper.builder().build().writeValueAsString(row));
        } else {
            outcome.steps().forEach(out::println);
            if (outcome.gapBytes() > 0) {
                out.println("copytruncate: " + outcome.gapLines() + " lines (" + outcome.gapBytes() + " bytes) written during the copy were carried into the copy");
            }
            outcome.failures().forEach(failure -> out.println("FAILED " + failure));
        }
        out.flush();
        return outcome.failures().isEmpty() ? 0 : 1;
    }
}
