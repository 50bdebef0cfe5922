package dev.tend.cli;

import dev.tend.access.AuditLog;
import dev.tend.store.Stores;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tend audit}: the changes made through the CLI and HTTP, newest first. */
@Command(name = "audit", footerHeading = "%nExamples:%n", footer = {"  tend audit", "  tend audit --limit 200 --json"},
        description = "The audit log: every change made through the CLI or HTTP (who, what, when, from where), newest first.")
final class AuditCommand implements Callable<Integer> {
    private final Main.Environment environment;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--limit", paramLabel = "N", description = "how many entries (default: ${DEFAULT-VALUE})", defaultValue = "50")
    int limit;

    @Option(names = "--json", description = "as JSON")
    boolean json;

    /** One entry as JSON, its fields in this order. */
    record Row(String at, String actor, String action, String detail, String source) {}

    AuditCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        if (limit < 1 || limit > 10_000) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit " + limit + ": use 1 to 10000");
        var config = ((TendCommand) spec.parent().userObject()).loadConfig();
        try (var store = Stores.open(config.store())) {
            var entries = new AuditLog(store).recent(limit);
            var out = spec.commandLine().getOut();
            if (json) {
                var array = entries.stream().map(entry -> new Row(entry.at().toString(), entry.actor(), entry.action(), entry.detail(), entry.source())).toList();
                out.println(tools.jackson.databind.json.JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(array));
            } else if (entries.isEmpty()) {
                out.println("the audit log is empty: no change has been made through the CLI or HTTP yet");
            } else {
                for (var entry : entries) {
                    out.println(entry.at() + "  " + entry.actor() + "  " + entry.action() + "  " + entry.detail() + "  [" + entry.source() + "]");
                }
            }
            out.flush();
            return 0;
        }
    }
}
