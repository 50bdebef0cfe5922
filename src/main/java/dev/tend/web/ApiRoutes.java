package dev.tend.web;

import dev.tend.alert.Alert;
import dev.tend.alert.AlertService;
import dev.tend.alert.Incident;
import dev.tend.alert.TimelineEntry;
import dev.tend.check.CheckResult;
import dev.tend.check.ResultHistory;
import dev.tend.config.spec.DurationSpec;
import dev.tend.target.TargetsSection;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * {@code /api/v1/…}: what the CLI shows and does, as JSON, calling the same services. Lists are
 * paged ({@link Paging}); errors are problem details; changes land in the audit log.
 */
public final class ApiRoutes {
    private final WebContext context;

    private ApiRoutes(WebContext context) {
        this.context = context;
    }

    static List<Route> of(WebContext context) {
        var api = new ApiRoutes(context);
        return List.of(
                Route.get("/api/openapi.json", Access.VIEWER, "the OpenAPI 3.1 document of this API", ApiRoutes::openApi),
                Route.get("/api/v1/targets", Access.VIEWER, "every target with its checks' latest results", api::targets),
                Route.get("/api/v1/alerts", Access.VIEWER, "alerts firing or flapping (?all=true: every alert)", api::alerts),
                Route.post("/api/v1/alerts/{id}/acknowledge", Access.OPERATOR, "acknowledge the alert's incident ({comment, for})", api::acknowledge),
                Route.get("/api/v1/incidents", Access.VIEWER, "open incidents (?all=true: every incident)", api::incidents),
                Route.get("/api/v1/incidents/{id}", Access.VIEWER, "one incident with its alerts and timeline", api::incident));
    }

    /** Kept by hand in src/main/resources/openapi.json; OpenApiTest holds it to the routes registered. */
    private static void openApi(Context ctx) throws java.io.IOException {
        try (var in = ApiRoutes.class.getResourceAsStream("/openapi.json")) {
            if (in == null) throw new Problem(500, "Internal error", "the OpenAPI document is missing from this build");
            ctx.contentType("application/json").result(in.readAllBytes());
        }
    }

    public record CheckView(String check, String status, String reason, Instant at, long durationMs) {}

    public record TargetView(String name, String type, String description, List<String> dependsOn, String status, List<CheckView> checks) {}

    private void targets(Context ctx) {
        Json.send(ctx, Paging.page(ctx, targetViews(context)));
    }

    /** Every configured target with its checks' latest results: the API's list and the UI's overview. */
    static List<TargetView> targetViews(WebContext context) {
        var latest = new LinkedHashMap<String, List<CheckResult>>();
        for (var result : new ResultHistory(context.store()).latest()) latest.computeIfAbsent(result.target(), name -> new ArrayList<>()).add(result);
        var views = new ArrayList<TargetView>();
        for (var target : TargetsSection.of(context.config())) {
            var settings = target.settings();
            var checks = latest.getOrDefault(settings.name(), List.of()).stream()
                    .map(result -> new CheckView(result.check(), result.status().name(), result.reason(), result.startedAt(), result.duration().toMillis()))
                    .toList();
            // A target's status is its worst check's; never checked yet is UNKNOWN, not OK.
            var status = checks.stream().map(CheckView::status).map(dev.tend.check.Status::valueOf)
                    .max(java.util.Comparator.comparingInt(ApiRoutes::badness)).map(Enum::name).orElse("UNKNOWN");
            views.add(new TargetView(settings.name(), settings.type(), settings.description(), settings.dependsOn(), status, checks));
        }
        return views;
    }

    private static int badness(dev.tend.check.Status status) {
        return switch (status) {
            case OK -> 0;
            case WARN -> 2;
            case CRIT -> 3;
            default -> 1;
        };
    }

    public record AlertView(long id, String fingerprint, String source, String subject, String name, String state, String severity, String reason,
            Instant since, Long incident) {
        static AlertView of(Alert alert) {
            return new AlertView(alert.id(), alert.fingerprint(), alert.source(), alert.subject(), alert.name(), alert.state().name(),
                    alert.severity().name(), alert.reason(), alert.since(), alert.incidentId().orElse(null));
        }
    }

    private void alerts(Context ctx) {
        Json.send(ctx, Paging.page(ctx, service().alerts(all(ctx)).stream().map(AlertView::of).toList()));
    }

    public record IncidentView(long id, String title, String severity, String state, Instant openedAt, String acknowledgedBy, Instant acknowledgedAt,
            Instant ackUntil, Instant resolvedAt, String heldBackBy, Instant heldBackUntil) {
        static IncidentView of(Incident incident) {
            return new IncidentView(incident.id(), incident.title(), incident.severity().name(), incident.state().name(), incident.openedAt(),
                    incident.acknowledgedBy().orElse(null), incident.acknowledgedAt().orElse(null), incident.ackUntil().orElse(null),
                    incident.resolvedAt().orElse(null), incident.suppressedBy().orElse(null), incident.suppressedUntil().orElse(null));
        }
    }

    public record IncidentDetail(IncidentView incident, List<AlertView> alerts, List<TimelineEntry> timeline) {}

    private void incidents(Context ctx) {
        Json.send(ctx, Paging.page(ctx, service().incidents(all(ctx)).stream().map(IncidentView::of).toList()));
    }

    private void incident(Context ctx) {
        long id = Params.id(ctx);
        var service = service();
        var incident = service.incident(id).orElseThrow(() -> Problem.notFound("no incident " + id + " (GET /api/v1/incidents?all=true)"));
        Json.send(ctx, new IncidentDetail(IncidentView.of(incident), service.alertsOf(id).stream().map(AlertView::of).toList(), service.timeline(id)));
    }

    private void acknowledge(Context ctx) {
        long id = Params.id(ctx);
        var body = Json.read(ctx.body());
        var comment = body.path("comment").asString("");
        var forText = body.path("for").isMissingNode() || body.path("for").isNull() ? null : body.path("for").asString("");
        var forHowLong = Optional.ofNullable(forText).map(DurationSpec::parse);
        if (forText != null && forHowLong.isEmpty()) throw Problem.badRequest("for: '" + forText + "' is not a duration (e.g. 30m, 2h)");
        var service = service();
        service.alert(id).orElseThrow(() -> Problem.notFound("no alert " + id + " (GET /api/v1/alerts?all=true)"));
        var principal = Authentication.principal(ctx);
        Incident incident;
        try {
            incident = service.acknowledge(id, principal.name(), comment, forHowLong);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new Problem(409, "Conflict", e.getMessage());
        }
        HttpAudit.record(context, ctx, principal.name(), "alert.acknowledge", "alert " + id + ", incident " + incident.id() + forHowLong.map(d -> " for " + dev.tend.check.Units.age(d)).orElse("")
                        + (comment.isBlank() ? "" : ": " + comment));
        Json.send(ctx, IncidentView.of(incident));
    }

    private AlertService service() {
        return new AlertService(context.config(), context.store(), context.clock());
    }

    private static boolean all(Context ctx) {
        var all = ctx.queryParam("all");
        if (all == null || all.equals("false")) return false;
        if (all.equals("true")) return true;
        throw Problem.badRequest("all=" + all + ": use true or false");
    }
}
