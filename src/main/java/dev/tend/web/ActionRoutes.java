package dev.tend.web;

import dev.tend.alert.AlertService;
import dev.tend.check.ResultHistory;
import dev.tend.runbook.ChecklistSigning;
import dev.tend.runbook.ChecklistStatus;
import dev.tend.runbook.ChecklistsSection;
import dev.tend.schedule.WindowsSection;
import dev.tend.task.TaskOutcomes;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;

/**
 * The rest of what the CLI does, as API: resolve an alert, add a note, checklists and their
 * sign-off, a check's history, task outcomes with their figures before and after. The same
 * service calls as the CLI, audited the same way.
 */
final class ActionRoutes {
    private final WebContext context;

    private ActionRoutes(WebContext context) {
        this.context = context;
    }

    static List<Route> of(WebContext context) {
        var routes = new ActionRoutes(context);
        return List.of(
                Route.post("/api/v1/alerts/{id}/resolve", Access.OPERATOR, "resolve the alert by hand ({comment})", routes::resolve),
                Route.post("/api/v1/incidents/{id}/notes", Access.OPERATOR, "add a note to the incident's timeline ({text})", routes::note),
                Route.get("/api/v1/checks/{target}/{check}/history", Access.VIEWER, "a check's results, newest first (?per_page, at most 500)", routes::history),
                Route.get("/api/v1/checklists", Access.VIEWER, "every checklist with the state of each item now", routes::checklists),
                Route.post("/api/v1/checklists/{name}/{item}/sign", Access.OPERATOR, "sign an item for its current period ({comment}); people only",
                        routes::sign),
                Route.get("/api/v1/tasks", Access.VIEWER, "task outcomes of a target (?target=), newest first, with figures before and after", routes::tasks));
    }

    private void resolve(Context ctx) {
        long id = Params.id(ctx);
        var comment = Json.read(ctx.body()).path("comment").asString("");
        var principal = Authentication.principal(ctx);
        try {
            var alert = service().resolve(id, principal.name(), comment);
            audit(ctx, "alert.resolve", "alert " + id + " (" + alert.label() + ")" + (comment.isBlank() ? "" : ": " + comment));
            Json.send(ctx, ApiRoutes.AlertView.of(alert));
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("no alert") ? Problem.notFound(e.getMessage()) : new Problem(409, "Conflict", e.getMessage());
        }
    }

    private void note(Context ctx) {
        long id = Params.id(ctx);
        var text = Json.read(ctx.body()).path("text").asString("");
        try {
            var entry = service().note(id, Authentication.principal(ctx).name(), text);
            audit(ctx, "incident.note", "incident " + id + ": " + text.strip());
            Json.send(ctx, entry);
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("no incident") ? Problem.notFound(e.getMessage()) : Problem.badRequest(e.getMessage());
        }
    }

    private void history(Context ctx) {
        int limit = Params.number(ctx, "per_page", Paging.DEFAULT, 1, Paging.MAX);
        var results = new ResultHistory(context.store()).history(ctx.pathParam("target"), ctx.pathParam("check"), limit);
        Json.send(ctx, results.stream().map(result -> new ApiRoutes.CheckView(result.check(), result.status().name(), result.reason(),
                result.startedAt(), result.duration().toMillis())).toList());
    }

    record ItemView(String id, String text, String role, String state, String period, Instant periodStart, Instant periodEnd, String how) {}

    record ChecklistView(String name, String title, List<ItemView> items) {}

    private void checklists(Context ctx) {
        var now = context.clock().instant();
        var status = new ChecklistStatus(context.store(), context.config().platform().timezone(), WindowsSection.calendar(context.config()));
        Json.send(ctx, ChecklistsSection.of(context.config()).stream().map(checklist -> new ChecklistView(checklist.name(), checklist.title(),
                status.at(checklist, now).stream().map(state -> new ItemView(state.item().id(), state.item().text(), state.item().role(),
                        state.state().name(), state.period().label(), state.period().start(), state.period().end(), state.how())).toList())).toList());
    }

    private void sign(Context ctx) {
        var comment = Json.read(ctx.body()).path("comment").asString("");
        try {
            var signed = new ChecklistSigning(context.config(), context.store(), context.clock())
                    .sign(ctx.pathParam("name"), ctx.pathParam("item"), Authentication.principal(ctx).name(), comment);
            audit(ctx, "checklist.sign", signed.checklist().name() + "/" + signed.item().id() + " for " + signed.period().label()
                    + (comment.isBlank() ? "" : ": " + comment));
            Json.send(ctx, java.util.Map.of("signed", signed.describe()));
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("no person") ? new Problem(403, "Forbidden", e.getMessage() + "; a checklist item is signed by a person")
                    : e.getMessage().startsWith("no ") ? Problem.notFound(e.getMessage()) : new Problem(409, "Conflict", e.getMessage());
        }
    }

    private void tasks(Context ctx) {
        var target = ctx.queryParam("target");
        if (target == null || target.isBlank()) throw Problem.badRequest("target=NAME is needed (GET /api/v1/targets lists them)");
        Json.send(ctx, Paging.page(ctx, new TaskOutcomes(context.store()).recent(target, 500)));
    }

    private AlertService service() {
        return new AlertService(context.config(), context.store(), context.clock());
    }

    private void audit(Context ctx, String action, String detail) {
        HttpAudit.record(context, ctx, action, detail);
    }
}
