package dev.tend.postgres.report;

import dev.tend.check.Status;
import dev.tend.check.Failures;
import dev.tend.config.Redactor;
import dev.tend.postgres.PostgresConnector;
import dev.tend.postgres.PostgresTarget;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The database health report: every probe on one read-only session with Tend's timeouts. A probe
 * that fails (permissions, an older server) becomes an UNKNOWN finding, never the end of the report.
 */
public final class PgReport {
    private static final List<ReportProbe> PROBES = List.of(new IndexProbe(), new TableProbe(), new SessionProbe(), new ServerProbe(),
            new SettingsProbe(), new BloatProbe(), new IndexBloatProbe(), new SizeProbe());

    private final ReportPolicy policy;
    private final Redactor redactor;

    public PgReport(ReportPolicy policy, Redactor redactor) {
        this.policy = policy;
        this.redactor = redactor;
    }

    /** The report of one target, most serious findings first. */
    public List<Finding> run(PostgresTarget target, Duration timeout) throws SQLException {
        var findings = new ArrayList<Finding>();
        try (var connection = PostgresConnector.open(target, timeout)) {
            connection.setReadOnly(true);
            for (var probe : PROBES) {
                try {
                    findings.addAll(probe.find(connection, policy));
                } catch (SQLException e) {
                    findings.add(new Finding("probe_failed", probe.name(), Status.UNKNOWN,
                            "could not read " + probe.name() + ": " + Failures.describe(e),
                            "the report is incomplete", "grant the monitoring role pg_monitor", List.of()));
                }
            }
        }
        return findings.stream()
                .map(f -> f.withDetail(redactor.redact(f.detail()), f.figures()))
                .sorted(Comparator.comparing(Finding::severity).reversed().thenComparing(Finding::kind).thenComparing(Finding::object))
                .toList();
    }
}
