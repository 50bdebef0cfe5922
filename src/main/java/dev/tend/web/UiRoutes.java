package dev.tend.web;

import dev.tend.access.Role;
import dev.tend.alert.AlertService;
import dev.tend.check.ResultHistory;
import dev.tend.config.spec.DurationSpec;
import dev.tend.people.PeopleSection;
import dev.tend.runbook.MaintenanceRuns;
import dev.tend.runbook.RunbookRunner;
import dev.tend.runbook.RunbooksSection;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The operator UI: server-rendered pages (JTE) that work without JavaScript, with htmx only to
 * refresh the overview in place. Every action is the service call the CLI makes, audited the same
 * way; the UI adds no logic of its own.
 */
public final class UiRoutes {
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);
    private static final int PER_PAGE = 50;
    private final WebContext context;

    private UiRoutes(WebContext context) {
        this.context = context;
    }

    static List<Route> of(WebContext context) {
        var ui = new UiRoutes(context);
        return List.of(
                Route.page("/", Access.VIEWER, "overview: every target and its checks", ui::overview),
                Route.page("/ui/targets", Access.VIEWER, "the overview's rows (htmx refresh)", ui::targetRows),
                Route.page("/checks/{target}/{check}", Access.VIEWER, "a check: its history as a chart, its evidence", ui::check),
                Route.page("/incidents", Access.VIEWER, "incidents", ui::incidents),
                Route.page("/incidents/{id}", Access.VIEWER, "an incident: alerts, timeline, acknowledge, note", ui::incident),
                Route.form("/incidents/{id}/acknowledge", Access.OPERATOR, "acknowledge the incident", ui::acknowledge),
                Route.form("/incidents/{id}/note", Access.OPERATOR, "add a note to the incident", ui::note),
                Route.form("/incidents/{id}/publish", Access.OPERATOR, "publish the incident on the status page", ui::publish),
                Route.form("/alerts/{id}/resolve", Access.OPERATOR, "resolve an alert by hand", ui::resolve),
                Route.form("/status-incidents/{id}/update", Access.OPERATOR, "post an update to a published status page incident", ui::statusUpdate),
                Route.page("/maintenance", Access.VIEWER, "maintenance runs; sign the step one waits for", ui::maintenance),
                Route.page("/backups", Access.VIEWER, "backups: last copy, each verification and drill with its figures", ui::backups),
                Route.page("/tasks", Access.VIEWER, "task outcomes of a target with figures before and after", ui::tasks),
                Route.form("/maintenance/runs/{id}/sign", Access.OPERATOR, "sign the manual step a run waits for", ui::sign),
                Route.form("/checklists/{name}/{item}/sign", Access.OPERATOR, "sign a checklist item for its current period", ui::signItem),
                Route.page("/assets/htmx.min.js", Access.PUBLIC, "htmx", UiRoutes::htmx));
    }

    /** A backup as its page shows it: where it goes, its last copy, its verifications and drills, newest first. */
    public record BackupPage(String name, String target, String destination, String lastCopy, List<dev.tend.backup.Verification> verifications) {}

    /** A checklist and the state of each of its items now. */
    public record ChecklistView(String name, List<dev.tend.runbook.ItemState> items) {}

    /** A maintenance run as the page lists it, with the manual step it waits for, if any. */
    public record RunView(long id, String runbook, String state, Instant startedAt, String waitingStep, String waitingText, String waitingRole) {}

    private record Filtered(List<ApiRoutes.TargetView> rows, String query, int page, int pages, int total, long notOk) {}

    /** The last 20 statuses of each check on the page, oldest first: one round trip for the page, never the whole history. */
    private Map<String, List<String>> strips(List<ApiRoutes.TargetView> rows) {
        var keys = rows.stream().flatMap(target -> target.checks().stream().map(check -> new ResultHistory.Key(target.name(), check.check()))).toList();
        var strips = new java.util.HashMap<String, List<String>>();
        new ResultHistory(context.store()).recentStatuses(keys, 20).forEach((key, statuses) ->
                strips.put(key.toString(), statuses.reversed().stream().map(Enum::name).toList()));
        return strips;
    }

    private Filtered filtered(Context ctx) {
        var query = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
        var needle = query.toLowerCase(Locale.ROOT);
        var all = ApiRoutes.targetViews(context);
        var matching = all.stream().filter(target -> needle.isEmpty() || target.name().toLowerCase(Locale.ROOT).contains(needle)
                || target.type().toLowerCase(Locale.ROOT).contains(needle) || target.status().toLowerCase(Locale.ROOT).equals(needle)).toList();
        int pages = Math.max(1, (matching.size() + PER_PAGE - 1) / PER_PAGE);
        int page = Math.min(pages, Math.max(1, parse(ctx.queryParam("page"), 1)));
        var rows = matching.subList((page - 1) * PER_PAGE, Math.min(page * PER_PAGE, matching.size()));
        return new Filtered(rows, query, page, pages, matching.size(), all.stream().filter(target -> !target.status().equals("OK")).count());
    }

    private void overview(Context ctx) {
        var view = filtered(ctx);
        render(ctx, "ui/overview.jte", Map.of("principal", Authentication.principal(ctx), "targets", view.rows(), "query", view.query(),
                "page", view.page(), "pages", view.pages(), "total", view.total(), "notOk", view.notOk(), "strips", strips(view.rows())));
    }

    private void targetRows(Context ctx) {
        var view = filtered(ctx);
        render(ctx, "ui/targets.jte", Map.of("targets", view.rows(), "query", view.query(), "page", view.page(), "pages", view.pages(), "total", view.total(),
                "strips", strips(view.rows())));
    }

    private void check(Context ctx) {
        var target = ctx.pathParam("target");
        var check = ctx.pathParam("check");
        var results = new dev.tend.check.ResultHistory(context.store()).history(target, check, 288);
        if (results.isEmpty() && dev.tend.target.TargetsSection.named(context.config(), target).isEmpty()) throw Problem.notFound("no target named " + target);
        var alert = alerting().alerts(true).stream().filter(candidate -> candidate.fingerprint().equals("check:" + target + "/" + check)).findFirst()
                .map(found -> found.state() + ", " + found.severity() + found.incidentId().map(id -> ", incident " + id).orElse("")).orElse(null);
        var params = new java.util.HashMap<String, Object>();
        params.put("principal", Authentication.principal(ctx));
        params.put("target", target);
        params.put("check", check);
        params.put("results", results);
        params.put("chart", (gg.jte.Content) output -> output.writeContent(HistoryChart.svg(results)));
        params.put("alert", alert);
        render(ctx, "ui/check.jte", params);
    }

    private void incidents(Context ctx) {
        boolean all = "true".equals(ctx.queryParam("all"));
        var now = context.clock().instant();
        var oncall = dev.tend.alert.oncall.OncallSection.of(context.config()).stream().map(rotation -> {
            var turn = rotation.turns(now, 1).getFirst();
            return rotation.name() + ": " + turn.person() + " until " + turn.until() + (turn.override() ? " (override)" : "");
        }).toList();
        var published = new dev.tend.status.StatusIncidents(context.store()).recent(now.minus(Duration.ofDays(7)), 20);
        var params = new java.util.HashMap<String, Object>(Map.of("principal", Authentication.principal(ctx), "all", all, "oncall", oncall,
                "published", published, "incidents", alerting().incidents(all).stream().map(ApiRoutes.IncidentView::of).toList()));
        params.put("message", ctx.queryParam("done"));
        render(ctx, "ui/incidents.jte", params);
    }

    private void incident(Context ctx) {
        showIncident(ctx, Params.id(ctx), ctx.queryParam("done"));
    }

    private void showIncident(Context ctx, long id, String message) {
        var service = alerting();
        var incident = service.incident(id).orElseThrow(() -> Problem.notFound("no incident " + id));
        var detail = new ApiRoutes.IncidentDetail(ApiRoutes.IncidentView.of(incident), service.alertsOf(id).stream().map(ApiRoutes.AlertView::of).toList(),
                service.timeline(id));
        var params = new java.util.HashMap<String, Object>();
        params.put("principal", Authentication.principal(ctx));
        params.put("detail", detail);
        params.put("message", message);
        params.put("proposed", new dev.tend.status.StatusService(context.config(), context.store(), context.clock()).proposals().stream()
                .anyMatch(proposal -> proposal.alertIncident() == id));
        render(ctx, "ui/incident.jte", params);
    }

    private void acknowledge(Context ctx) {
        long id = Params.id(ctx);
        var principal = Authentication.principal(ctx);
        var comment = Optional.ofNullable(ctx.formParam("comment")).orElse("").strip();
        var forText = Optional.ofNullable(ctx.formParam("for")).map(String::strip).filter(text -> !text.isEmpty());
        var forHowLong = forText.map(DurationSpec::parse);
        if (forText.isPresent() && forHowLong.isEmpty()) {
            ctx.status(400);
            showIncident(ctx, id, "“" + forText.get() + "” is not a duration (e.g. 30m, 2h); nothing was changed.");
            return;
        }
        var service = alerting();
        var alert = service.alertsOf(id).stream().filter(candidate -> candidate.state().active()).findFirst()
                .or(() -> service.alertsOf(id).stream().findFirst())
                .orElseThrow(() -> Problem.notFound("no incident " + id));
        var incident = service.acknowledge(alert.id(), principal.name(), comment, forHowLong);
        audit(ctx, "alert.acknowledge", "incident " + incident.id() + forHowLong.map(d -> " for " + dev.tend.check.Units.age(d)).orElse("")
                + (comment.isBlank() ? "" : ": " + comment));
        ctx.redirect("/incidents/" + id + "?done=Acknowledged.");
    }

    private void note(Context ctx) {
        long id = Params.id(ctx);
        var text = Optional.ofNullable(ctx.formParam("text")).orElse("");
        try {
            alerting().note(id, Authentication.principal(ctx).name(), text);
        } catch (IllegalArgumentException e) {
            ctx.status(400);
            showIncident(ctx, id, e.getMessage() + "; nothing was changed.");
            return;
        }
        audit(ctx, "incident.note", "incident " + id + ": " + text.strip());
        ctx.redirect("/incidents/" + id + "?done=Note added.");
    }

    private void publish(Context ctx) {
        long id = Params.id(ctx);
        var title = Optional.ofNullable(ctx.formParam("title")).orElse("");
        var impact = Optional.ofNullable(ctx.formParam("impact")).orElse("minor");
        var message = Optional.ofNullable(ctx.formParam("message")).orElse("");
        try {
            long published = new dev.tend.status.StatusService(context.config(), context.store(), context.clock())
                    .publish(title, impact, List.of(), Optional.of(id), message, Authentication.principal(ctx).name());
            audit(ctx, "status.publish", "published incident " + published + " on the status page: " + title.strip() + " (from incident " + id + ")");
            ctx.redirect("/incidents/" + id + "?done=" + java.net.URLEncoder.encode("Published on the status page as incident " + published + ".",
                    java.nio.charset.StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            ctx.status(400);
            showIncident(ctx, id, e.getMessage() + "; nothing was published.");
        }
    }

    private void statusUpdate(Context ctx) {
        long id = Params.id(ctx);
        var status = Optional.ofNullable(ctx.formParam("status")).orElse("");
        var message = Optional.ofNullable(ctx.formParam("message")).orElse("");
        try {
            var incident = new dev.tend.status.StatusService(context.config(), context.store(), context.clock())
                    .update(id, status, message, Authentication.principal(ctx).name());
            audit(ctx, "status.update", "incident " + id + " (" + incident.name() + ") is now " + incident.status());
            ctx.redirect("/incidents?done=" + java.net.URLEncoder.encode("Status page incident " + id + " is now " + incident.status() + ".",
                    java.nio.charset.StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(e.getMessage() + "; nothing was posted");
        }
    }

    private void resolve(Context ctx) {
        long id = Params.id(ctx);
        long incident = parse(ctx.formParam("incident"), 0);
        try {
            var alert = alerting().resolve(id, Authentication.principal(ctx).name(), "");
            audit(ctx, "alert.resolve", "alert " + id + " (" + alert.label() + ")");
            ctx.redirect(incident > 0 ? "/incidents/" + incident + "?done=Resolved." : "/incidents");
        } catch (IllegalArgumentException e) {
            if (incident == 0) throw new Problem(409, "Conflict", e.getMessage());
            ctx.status(409);
            showIncident(ctx, incident, e.getMessage() + "; nothing was changed.");
        }
    }

    private void backups(Context ctx) {
        var copies = new dev.tend.backup.BackupCopies(context.store());
        var verifications = new dev.tend.backup.Verifications(context.store());
        var pages = dev.tend.backup.BackupsSection.of(context.config()).stream().map(backup -> new BackupPage(backup.name(), backup.target().name(),
                backup.location().describe(), copies.lastCopy(backup).map(copy -> copy.object() + " at " + dev.tend.backup.BackupCopies.doneAt(copy)).orElse(null),
                verifications.recent(backup.name(), 20))).toList();
        render(ctx, "ui/backups.jte", Map.of("principal", Authentication.principal(ctx), "backups", pages));
    }

    private void tasks(Context ctx) {
        var targets = dev.tend.target.TargetsSection.of(context.config()).stream().map(dev.tend.target.Target::name).toList();
        var target = Optional.ofNullable(ctx.queryParam("target")).filter(targets::contains).orElse(targets.isEmpty() ? "" : targets.getFirst());
        render(ctx, "ui/tasks.jte", Map.of("principal", Authentication.principal(ctx), "target", target, "targets", targets,
                "outcomes", target.isEmpty() ? List.of() : new dev.tend.task.TaskOutcomes(context.store()).recent(target, 50)));
    }

    private void maintenance(Context ctx) {
        showRuns(ctx, ctx.queryParam("done"));
    }

    private void showRuns(Context ctx, String message) {
        var runbooks = RunbooksSection.of(context.config());
        var runs = new MaintenanceRuns(context.store()).startedSince(context.clock().instant().minus(Duration.ofDays(30))).reversed().stream().map(run -> {
            var waiting = runbooks.stream().filter(runbook -> runbook.name().equals(run.runbook())).findFirst()
                    .flatMap(runbook -> RunbookRunner.waitingFor(runbook, run));
            return new RunView(run.id(), run.runbook(), run.state().name(), run.startedAt(), waiting.map(step -> step.name()).orElse(null),
                    waiting.map(step -> step.text()).orElse(null), waiting.map(step -> step.role()).orElse(null));
        }).toList();
        var now = context.clock().instant();
        var calendar = dev.tend.schedule.WindowsSection.calendar(context.config());
        var windows = calendar.occurrences(now, now.plus(Duration.ofDays(40))).stream().limit(5)
                .map(opening -> opening.window() + ": " + opening.start() + " → " + opening.end() + (opening.contains(now) ? " (open now)" : "")).toList();
        var status = new dev.tend.runbook.ChecklistStatus(context.store(), context.config().platform().timezone(), calendar);
        var checklists = dev.tend.runbook.ChecklistsSection.of(context.config()).stream()
                .map(checklist -> new ChecklistView(checklist.name(), status.at(checklist, now))).toList();
        var log = new MaintenanceRuns(context.store()).startedSince(now.minus(Duration.ofDays(30))).reversed().stream()
                .filter(run -> run.state().over() && !run.logEntry().isBlank()).limit(10).map(run -> run.logEntry()).toList();
        var params = new java.util.HashMap<String, Object>();
        params.put("principal", Authentication.principal(ctx));
        params.put("runs", runs);
        params.put("message", message);
        params.put("windows", windows);
        params.put("plan", dev.tend.schedule.Planner.of(context.config(), context.store(), now, now.plus(Duration.ofDays(7))).stream().limit(20).toList());
        params.put("checklists", checklists);
        params.put("log", log);
        render(ctx, "ui/maintenance.jte", params);
    }

    private void sign(Context ctx) {
        long id = Params.id(ctx);
        var principal = Authentication.principal(ctx);
        var step = Optional.ofNullable(ctx.formParam("step")).orElse("");
        var comment = Optional.ofNullable(ctx.formParam("comment")).orElse("").strip();
        var runs = new MaintenanceRuns(context.store());
        var run = runs.find(id).orElseThrow(() -> Problem.notFound("no maintenance run " + id));
        var runbook = RunbooksSection.named(context.config(), run.runbook()).orElseThrow(() -> Problem.notFound("runbook " + run.runbook() + " is no longer configured"));
        var person = PeopleSection.named(context.config(), principal.name());
        if (person.isEmpty()) {
            ctx.status(403);
            showRuns(ctx, principal.name() + " is not under people: in tend.yaml, so cannot sign a step; nothing was changed.");
            return;
        }
        try {
            var signed = new RunbookRunner(context.config(), context.store(), context.clock(), context.environment(), context.log())
                    .sign(runbook, run, step, person.get(), comment);
            audit(ctx, "runbook.sign", "run " + id + " step " + step + ": run " + signed.state() + (comment.isBlank() ? "" : "; " + comment));
            ctx.redirect("/maintenance?done=" + java.net.URLEncoder.encode("Signed " + step + " of run " + id + ": the run is " + signed.state() + ".",
                    java.nio.charset.StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            ctx.status(409);
            showRuns(ctx, e.getMessage() + "; nothing was changed.");
        }
    }

    private void signItem(Context ctx) {
        var principal = Authentication.principal(ctx);
        var comment = Optional.ofNullable(ctx.formParam("comment")).orElse("").strip();
        try {
            var signed = new dev.tend.runbook.ChecklistSigning(context.config(), context.store(), context.clock())
                    .sign(ctx.pathParam("name"), ctx.pathParam("item"), principal.name(), comment);
            audit(ctx, "checklist.sign", signed.checklist().name() + "/" + signed.item().id() + " for " + signed.period().label()
                    + (comment.isBlank() ? "" : ": " + comment));
            ctx.redirect("/maintenance?done=" + java.net.URLEncoder.encode(signed.describe() + ".", java.nio.charset.StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            ctx.status(409);
            showRuns(ctx, e.getMessage() + "; nothing was changed.");
        }
    }

    private static void htmx(Context ctx) throws java.io.IOException {
        try (var in = UiRoutes.class.getResourceAsStream("/META-INF/resources/webjars/htmx.org/2.0.10/dist/htmx.min.js")) {
            if (in == null) throw new Problem(500, "Internal error", "htmx is missing from this build");
            ctx.header("Cache-Control", "public, max-age=86400").contentType("text/javascript").result(in.readAllBytes());
        }
    }

    private void audit(Context ctx, String action, String detail) {
        HttpAudit.record(context, ctx, action, detail);
    }

    private AlertService alerting() {
        return new AlertService(context.config(), context.store(), context.clock());
    }

    static void render(Context ctx, String template, Map<String, Object> params) {
        var out = new StringOutput();
        TEMPLATES.render(template, params, out);
        ctx.header("Cache-Control", "no-store").contentType("text/html; charset=utf-8").result(out.toString());
    }

    private static int parse(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static boolean allows(Principal principal, Role role) {
        return principal.role().allows(role);
    }
}
