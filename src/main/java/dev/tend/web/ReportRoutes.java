package dev.tend.web;

import dev.tend.postgres.PostgresTarget;
import dev.tend.postgres.report.Finding;
import dev.tend.postgres.report.IndexScanHistory;
import dev.tend.postgres.report.PgReport;
import dev.tend.target.TargetsSection;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The PostgreSQL report (as {@code tend pg report}) over HTTP and in the UI. It queries the
 * database itself, read-only and under the target's timeouts; a report is reused for
 * {@link #REUSE} so that readers cannot make Tend load the database they watch.
 */
public final class ReportRoutes {
    static final Duration REUSE = Duration.ofMinutes(1);
    private final WebContext context;
    private final Map<String, Report> reports = new ConcurrentHashMap<>();

    /** A report as taken: when, and its findings. */
    public record Report(String target, Instant takenAt, List<Finding> findings) {}

    private ReportRoutes(WebContext context) {
        this.context = context;
    }

    static List<Route> of(WebContext context) {
        var routes = new ReportRoutes(context);
        return List.of(
                Route.get("/api/v1/reports/postgres/{target}", Access.VIEWER, "the PostgreSQL report of a target (reused for a minute)", routes::api),
                Route.page("/reports", Access.VIEWER, "the reports: the PostgreSQL targets", routes::list),
                Route.page("/reports/postgres/{target}", Access.VIEWER, "the PostgreSQL report of a target", routes::page));
    }

    private Report report(String name) {
        var target = TargetsSection.named(context.config(), name).orElseThrow(() -> Problem.notFound("no target named " + name));
        if (!(target instanceof PostgresTarget postgres)) throw Problem.badRequest(name + " is a " + target.settings().type() + " target; the report needs a postgres one");
        var now = context.clock().instant();
        var cached = reports.get(name);
        if (cached != null && cached.takenAt().plus(REUSE).isAfter(now)) return cached;
        synchronized (this) {
            cached = reports.get(name);
            if (cached != null && cached.takenAt().plus(REUSE).isAfter(now)) return cached;
            try {
                var findings = new IndexScanHistory(context.store(), context.clock()).annotate(postgres,
                        new PgReport(postgres.reportPolicy(), context.config().redactor()).run(postgres, postgres.settings().timeout()));
                var report = new Report(name, now, findings);
                reports.put(name, report);
                return report;
            } catch (java.sql.SQLException e) {
                throw new Problem(502, "Bad gateway", "the database of " + name + " did not answer the report: "
                        + context.config().redactor().redact(dev.tend.check.Failures.describe(e)));
            }
        }
    }

    private void api(Context ctx) {
        Json.send(ctx, report(ctx.pathParam("target")));
    }

    private void list(Context ctx) {
        var targets = TargetsSection.of(context.config()).stream().filter(PostgresTarget.class::isInstance).map(target -> target.name()).toList();
        UiRoutes.render(ctx, "ui/reports.jte", Map.of("principal", Authentication.principal(ctx), "targets", targets));
    }

    private void page(Context ctx) {
        UiRoutes.render(ctx, "ui/report.jte", Map.of("principal", Authentication.principal(ctx), "report", report(ctx.pathParam("target"))));
    }
}
