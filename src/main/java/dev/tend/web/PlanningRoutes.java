package dev.tend.web;

import dev.tend.action.WatchedTargets;
import dev.tend.capacity.CapacitySection;
import dev.tend.capacity.ForecastData;
import dev.tend.capacity.Forecasts;
import dev.tend.report.Reports;
import dev.tend.target.Target;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code /api/v1/forecasts} and {@code /api/v1/reports}: what tend forecast shows, and the reports and reviews kept as evidence. */
final class PlanningRoutes {
    /** Reports listed at most: a decade of weekly, monthly and quarterly ones. */
    private static final int REPORTS = 2_000;
    private final WebContext context;

    private PlanningRoutes(WebContext context) {
        this.context = context;
    }

    static List<Route> of(WebContext context) {
        var routes = new PlanningRoutes(context);
        return List.of(
                Route.get("/api/v1/forecasts", Access.VIEWER, "every growing quantity's trend and the dates it reaches 70/80/90% and full", routes::forecasts),
                Route.get("/api/v1/reports", Access.VIEWER, "the reports, access reviews and rotations kept as evidence, newest first", routes::reports));
    }

    private void forecasts(Context ctx) {
        var targets = WatchedTargets.of(context.config(), context.store(), context.clock()).stream().map(Target::settings).toList();
        var forecasts = new Forecasts(context.store(), context.clock(), CapacitySection.of(context.config())).all(targets);
        Json.send(ctx, Paging.page(ctx, forecasts.stream().map(ForecastData::row).toList()));
    }

    /** A kept report without its text: the text is evidence for people, read with tend report or from the file written. */
    public record ReportView(long id, String kind, String name, String period, Instant createdAt, String signedBy, String signerRole,
            String comment, Instant signedAt) {}

    private void reports(Context ctx) {
        var views = new Reports(context.store()).newest(REPORTS).stream().map(report -> new ReportView(report.id(), report.kind(), report.name(),
                report.period(), report.createdAt(), report.signature().map(signature -> signature.person()).orElse(null),
                report.signature().map(signature -> signature.role()).orElse(null), report.signature().map(signature -> signature.comment()).orElse(null),
                report.signature().map(signature -> signature.at()).orElse(null))).toList();
        Json.send(ctx, Paging.page(ctx, views));
    }
}
