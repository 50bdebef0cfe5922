package dev.tend.postgres;

import dev.tend.check.Check;
import dev.tend.check.Status;
import dev.tend.check.Verdict;
import dev.tend.config.Redactor;
import dev.tend.postgres.report.Finding;
import dev.tend.postgres.report.PgReport;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The database report as a check: its worst finding sets the status, the reason counts them by kind. */
final class PostgresReportCheck implements Check {
    private final PostgresTarget target;

    PostgresReportCheck(PostgresTarget target) {
        this.target = target;
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public Verdict run(Duration timeout) throws Exception {
        // Reasons are redacted by the runner; the report itself needs no secrets of its own.
        var findings = new PgReport(target.reportPolicy(), Redactor.none()).run(target, timeout).stream()
                .filter(finding -> finding.severity() != Status.OK)
                .toList();
        var verdict = Verdict.builder().measure("findings", findings.size(), "count");
        if (findings.isEmpty()) return verdict.ok("no findings in " + target.where() + " (tend pg report " + target.name() + ")");
        var worst = findings.stream().map(Finding::severity).reduce(Status.OK, Status::worst);
        Map<String, Long> byKind = findings.stream().collect(Collectors.groupingBy(Finding::kind, TreeMap::new, Collectors.counting()));
        var summary = byKind.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
        return verdict.verdict(worst, findings.size() + " findings: " + summary + "; details: tend pg report " + target.name());
    }
}
