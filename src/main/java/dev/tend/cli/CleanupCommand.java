package dev.tend.cli;

import dev.tend.logs.cleanup.Cleanup;
import dev.tend.logs.cleanup.CleanupRuns;
import dev.tend.logs.cleanup.CleanupSection;
import dev.tend.store.Stores;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

/** {@code tend cleanup NAME}: a retention rule of cleanup: carried out, or with --dry-run listed. */
@Command(name = "cleanup", footerHeading = "%nExamples:%n", footer = {"  tend cleanup tmp --dry-run", "  tend cleanup checkpoints"},
        description = {"Delete (or compress) what a cleanup: rule says has been kept long enough: with --dry-run, list it with sizes and ages.",
                "What went is recorded with the list's SHA-256 as evidence."})
final class CleanupCommand implements Callable<Integer> {
    private final Main.Environment environment;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    TendCommand tend;

    @Parameters(paramLabel = "NAME", description = "a rule from cleanup:")
    String name;

    @Option(names = "--dry-run", description = "list what would go; change nothing")
    boolean dryRun;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    CleanupCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        var config = tend.loadConfig();
        var rule = CleanupSection.named(config, name).orElseThrow(() -> new ParameterException(spec.commandLine(), "no cleanup rule named '" + name
                + "'; rules: " + String.join(", ", CleanupSection.of(config).stream().map(found -> found.name()).toList())));
        var now = environment.clock().instant();
        var storeDirectory = config.store().isPostgres() ? null : config.store().sqliteFile().toAbsolutePath().getParent();
        var out = spec.commandLine().getOut();
        Cleanup.Plan plan;
        try {
            plan = Cleanup.plan(rule, now, storeDirectory);
        } catch (Cleanup.Refused e) {
            spec.commandLine().getErr().println("tend cleanup " + name + ": " + e.getMessage());
            return 2;
        }
        var verb = rule.action() == dev.tend.logs.cleanup.CleanupRule.Action.COMPRESS ? "compress" : "delete";
        if (dryRun) {
            if (json) {
                out.println(JsonMapper.builder().build().writeValueAsString(row(plan, null, null)));
            } else {
                out.println("would " + verb + " " + plan.going().size() + " of " + plan.matching() + " matching in " + rule.path() + " (" + dev.tend.check.Units.bytes(plan.bytes())
                        + "), older than " + days(rule.olderThan()) + (rule.minKeep() > 0 ? ", the newest " + rule.minKeep() + " kept" : "")
                        + (plan.symlinks() > 0 ? "; " + plan.symlinks() + " symlinks skipped" : ""));
                for (var entry : plan.going()) {
                    out.printf(Locale.ROOT, "  %10s  %5d days  %s%n", dev.tend.check.Units.bytes(entry.bytes()), entry.age(now).toDays(), entry.path());
                }
            }
            out.flush();
            return 0;
        }
        var outcome = Cleanup.apply(plan);
        String sha = null;
        if (!outcome.done().isEmpty() || !outcome.failures().isEmpty()) {
            try (var store = Stores.open(config.store())) {
                sha = new CleanupRuns(store).record(outcome, now);
            }
        }
        if (json) {
            out.println(JsonMapper.builder().build().writeValueAsString(row(plan, outcome, sha)));
        } else {
            out.println((verb.equals("delete") ? "deleted " : "compressed ") + outcome.done().size() + " of " + plan.matching() + " matching in " + rule.path()
                    + ": " + dev.tend.check.Units.bytes(outcome.freed()) + " freed" + (sha == null ? "" : "; list recorded (sha256 " + sha.substring(0, 12) + "…)")
                    + (plan.symlinks() > 0 ? "; " + plan.symlinks() + " symlinks skipped" : ""));
            for (var failure : outcome.failures()) out.println("  FAILED " + failure);
        }
        out.flush();
        return outcome.failures().isEmpty() ? 0 : 1;
    }

    private static java.util.Map<String, Object> row(Cleanup.Plan plan, Cleanup.Outcome outcome, String sha) {
        var row = new LinkedHashMap<String, Object>();
        row.put("rule", plan.rule().name());
        row.put("path", plan.rule().path().toString());
        row.put("action", plan.rule().action().name().toLowerCase(Locale.ROOT));
        row.put("dryRun", outcome == null);
        row.put("matching", plan.matching());
        row.put("kept", plan.kept());
        row.put("symlinksSkipped", plan.symlinks());
        row.put("entries", (outcome == null ? plan.going() : outcome.done()).stream().map(entry -> java.util.Map.of("path", entry.path().toString(),
                "bytes", entry.bytes(), "modified", entry.modified().toString())).toList());
        row.put("bytes", outcome == null ? plan.bytes() : outcome.freed());
        if (outcome != null) {
            row.put("failures", outcome.failures());
            row.put("listSha256", sha);
        }
        return row;
    }

    private static String days(java.time.Duration duration) {
        return duration.toDays() >= 1 && duration.toHoursPart() == 0 && duration.toMinutesPart() == 0 ? duration.toDays() + " days"
                : duration.toHours() + " h";
    }

}
