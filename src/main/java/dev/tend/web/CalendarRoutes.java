package dev.tend.web;

import dev.tend.backup.BackupCopies;
import dev.tend.backup.BackupsSection;
import dev.tend.backup.Verification;
import dev.tend.backup.Verifications;
import dev.tend.people.PeopleSection;
import dev.tend.runbook.MaintenanceEvent;
import dev.tend.runbook.MaintenanceRuns;
import dev.tend.runbook.RunbookRunner;
import dev.tend.runbook.RunbooksSection;
import dev.tend.schedule.WindowsSection;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code /api/v1/windows}, {@code /api/v1/runs} and {@code /api/v1/backups}: the calendar, maintenance runs and backups, as the CLI shows them. */
final class CalendarRoutes {
    private final WebContext context;

    private CalendarRoutes(WebContext context) {
        this.context = context;
    }

    static List<Route> of(WebContext context) {
        var routes = new CalendarRoutes(context);
        return List.of(
                Route.get("/api/v1/windows", Access.VIEWER, "maintenance window openings from now (?days=30)", routes::windows),
                Route.get("/api/v1/plan", Access.VIEWER, "what the schedules will run from now, when, in which window, and what waits or is blocked (?days=14)",
                        routes::plan),
                Route.get("/api/v1/runs", Access.VIEWER, "maintenance runs of the last 30 days, newest first", routes::runs),
                Route.get("/api/v1/runs/{id}", Access.VIEWER, "one maintenance run with its events, log entry and notice", routes::run),
                Route.post("/api/v1/runs/{id}/sign", Access.OPERATOR, "sign the manual step a run waits for ({step, comment}); people only", routes::sign),
                Route.get("/api/v1/backups", Access.VIEWER, "every backup with its last copy, verification and drill", routes::backups));
    }

    record WindowView(String window, Instant start, Instant end, boolean emergency, boolean open, List<String> targets, String description) {}

    private void windows(Context ctx) {
        int days = Params.number(ctx, "days", 30, 1, 400);
        var now = context.clock().instant();
        var calendar = WindowsSection.calendar(context.config());
        var views = calendar.occurrences(now, now.plus(Duration.ofDays(days))).stream().map(occurrence -> {
            var window = calendar.windows().stream().filter(candidate -> candidate.name().equals(occurrence.window())).findFirst().orElseThrow();
            return new WindowView(occurrence.window(), occurrence.start(), occurrence.end(), occurrence.emergency(), occurrence.contains(now),
                    window.targets(), window.description());
        }).toList();
        Json.send(ctx, Paging.page(ctx, views));
    }

    /** A planned run as tend plan --json lists it. */
    record PlanView(String schedule, String action, Instant due, Instant runAt, String window, String outcome, String note) {
        static PlanView of(dev.tend.schedule.PlannedRun run) {
            return new PlanView(run.schedule(), run.action(), run.due(), run.runAt().orElse(null), run.window().orElse(null), run.outcome().name(), run.note());
        }
    }

    private void plan(Context ctx) {
        int days = Params.number(ctx, "days", 14, 1, 366);
        var now = context.clock().instant();
        var runs = dev.tend.schedule.Planner.of(context.config(), context.store(), now, now.plus(Duration.ofDays(days)));
        Json.send(ctx, Paging.page(ctx, runs.stream().map(PlanView::of).toList()));
    }

    record RunView(long id, String runbook, String state, Instant startedAt, Instant finishedAt, String actor, String waitingFor, String waitingRole) {}

    record RunDetail(RunView run, List<MaintenanceEvent> events, String logEntry, String notice) {}

    private RunView view(dev.tend.runbook.MaintenanceRun run) {
        var waiting = RunbooksSection.named(context.config(), run.runbook()).flatMap(runbook -> RunbookRunner.waitingFor(runbook, run));
        return new RunView(run.id(), run.runbook(), run.state().name(), run.startedAt(), run.finishedAt().orElse(null), run.actor(),
                waiting.map(step -> step.name()).orElse(null), waiting.map(step -> step.role()).orElse(null));
    }

    private void runs(Context ctx) {
        var runs = new MaintenanceRuns(context.store()).startedSince(context.clock().instant().minus(Duration.ofDays(30))).reversed();
        Json.send(ctx, Paging.page(ctx, runs.stream().map(this::view).toList()));
    }

    private void run(Context ctx) {
        long id = Params.id(ctx);
        var runs = new MaintenanceRuns(context.store());
        var run = runs.find(id).orElseThrow(() -> Problem.notFound("no maintenance run " + id + " (GET /api/v1/runs)"));
        Json.send(ctx, new RunDetail(view(run), runs.events(id), run.logEntry(), run.notice()));
    }

    private void sign(Context ctx) {
        long id = Params.id(ctx);
        var runs = new MaintenanceRuns(context.store());
        var run = runs.find(id).orElseThrow(() -> Problem.notFound("no maintenance run " + id + " (GET /api/v1/runs)"));
        var principal = Authentication.principal(ctx);
        var person = PeopleSection.named(context.config(), principal.name())
                .orElseThrow(() -> new Problem(403, "Forbidden", principal.name() + " is not a person under people:; a manual step is signed by a person holding its role"));
        var body = Json.read(ctx.body());
        var step = body.path("step").asString("");
        var comment = body.path("comment").asString("");
        var runbook = RunbooksSection.named(context.config(), run.runbook())
                .orElseThrow(() -> Problem.notFound("runbook " + run.runbook() + " is no longer configured"));
        try {
            var signed = new RunbookRunner(context.config(), context.store(), context.clock(), context.environment(), context.log())
                    .sign(runbook, run, step, person, comment);
            HttpAudit.record(context, ctx, person.name(), "runbook.sign", "run " + id + " step " + step + ": run " + signed.state() + (comment.isBlank() ? "" : "; " + comment));
            Json.send(ctx, view(signed));
        } catch (IllegalArgumentException e) {
            throw new Problem(409, "Conflict", e.getMessage());
        }
    }

    record BackupView(String name, String target, String destination, Instant lastCopyAt, String lastCopy, Instant lastVerifiedAt, String lastVerification,
            Instant lastDrillAt, Long lastDrillRestoreMs) {}

    private void backups(Context ctx) {
        var copies = new BackupCopies(context.store());
        var verifications = new Verifications(context.store());
        var views = new ArrayList<BackupView>();
        for (var backup : BackupsSection.of(context.config())) {
            var copy = copies.lastCopy(backup);
            var recent = verifications.recent(backup.name(), 50);
            Optional<Verification> verified = recent.stream().filter(verification -> verification.kind().equals(Verification.VERIFY)).findFirst();
            Optional<Verification> drill = recent.stream().filter(verification -> verification.kind().equals(Verification.DRILL)).findFirst();
            views.add(new BackupView(backup.name(), backup.target().name(), backup.location().describe(),
                    copy.map(BackupCopies::doneAt).orElse(null), copy.map(outcome -> outcome.object()).orElse(null),
                    verified.map(Verification::startedAt).orElse(null), verified.map(Verification::summary).orElse(null),
                    drill.map(Verification::startedAt).orElse(null), drill.map(found -> found.restoreTime().toMillis()).orElse(null)));
        }
        Json.send(ctx, Paging.page(ctx, views));
    }
}
