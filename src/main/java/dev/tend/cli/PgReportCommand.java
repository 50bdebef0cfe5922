package dev.tend.cli;

import dev.tend.postgres.PostgresTarget;
import dev.tend.postgres.report.Finding;
import dev.tend.postgres.report.IndexScanHistory;
import dev.tend.store.Stores;
import dev.tend.postgres.report.PgReport;
import dev.tend.target.TargetsSection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import tools.jackson.databind.json.JsonMapper;

/** {@code tend pg report TARGET}: what PgHero and check_postgres would flag, with the fix for each. */
@Command(name = "report", footerHeading = "%nExamples:%n", footer = {"  tend pg report db", "  tend pg report db --json"},
        description = "Report index, table, session and server problems of a PostgreSQL target.")
final class PgReportCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final Main.Environment environment;

    PgReportCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Parameters(paramLabel = "TARGET", description = "a target of type postgres")
    String targetName;

    @Option(names = "--json", description = "print JSON instead of a table")
    boolean json;

    @Option(names = "--include-own", description = "also report Tend's own sessions and statements (its backups, tasks and checks)")
    boolean includeOwn;

    @Override
    public Integer call() throws Exception {
        var tend = (TendCommand) spec.parent().parent().userObject();
        var config = tend.loadConfig();
        var target = TargetsSection.named(config, targetName).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "no target named '" + targetName + "'"));
        if (!(target instanceof PostgresTarget postgres)) {
            throw new ParameterException(spec.commandLine(), "'" + targetName + "' is a " + target.settings().type()
                    + " target; pg report needs a postgres target");
        }
        var policy = includeOwn ? postgres.reportPolicy().withIncludeOwn(true) : postgres.reportPolicy();
        List<Finding> findings;
        try (var store = Stores.open(config.store())) {
            findings = new IndexScanHistory(store, environment.clock()).annotate(postgres,
                    new PgReport(policy, config.redactor()).run(postgres, postgres.settings().timeout()));
            // Each report also keeps the heaviest statements, so the weekly performance report can compare weeks.
            new dev.tend.postgres.report.StatementSnapshots(store).take(postgres, environment.clock().instant());
        }
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonMapper.builder().build().writeValueAsString(Map.of("target", targetName,
                    "findings", findings.stream().map(PgReportCommand::row).toList())));
        } else {
            print(findings, out);
        }
        out.flush();
        // Notes (severity OK, e.g. "pg_stat_statements is not installed") inform; they are not findings to act on.
        return findings.stream().anyMatch(finding -> finding.severity() != dev.tend.check.Status.OK) ? 1 : 0;
    }

    private static Map<String, Object> row(Finding finding) {
        var row = new LinkedHashMap<String, Object>();
        row.put("kind", finding.kind());
        row.put("object", finding.object());
        row.put("severity", finding.severity().name());
        row.put("detail", finding.detail());
        row.put("why", finding.why());
        row.put("fix", finding.fix());
        var figures = new LinkedHashMap<String, Object>();
        finding.figures().forEach(m -> figures.put(m.name(), Map.of("value", m.value(), "unit", m.unit())));
        row.put("figures", figures);
        row.put("facts", finding.facts()); // words, not numbers: a lock's modes and relation
        return row;
    }

    static void print(List<Finding> findings, java.io.PrintWriter out) {
        if (findings.isEmpty()) {
            out.println("No findings.");
            return;
        }
        for (var finding : findings) {
            out.printf("%-7s %-20s %s%n", finding.severity() == dev.tend.check.Status.OK ? "NOTE" : finding.severity(),
                    finding.kind(), finding.object());
            out.println("        " + finding.detail());
            out.println("        why: " + finding.why());
            out.println("        fix: " + finding.fix());
        }
        long notes = findings.stream().filter(finding -> finding.severity() == dev.tend.check.Status.OK).count();
        long actionable = findings.size() - notes;
        out.println(actionable + (actionable == 1 ? " finding" : " findings")
                + (notes == 0 ? "" : ", " + notes + (notes == 1 ? " note" : " notes")));
    }
}
