package dev.tend.schedule;

import dev.tend.check.Failures;
import dev.tend.check.Units;
import dev.tend.action.ActionContext;
import dev.tend.alert.AlertService;
import dev.tend.alert.Severity;
import dev.tend.alert.Signal;
import dev.tend.store.Database;
import dev.tend.task.Impact;
import dev.tend.window.WindowOccurrence;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What happens when a scheduled occurrence comes up: missed-run detection and its catch-up
 * policy, the window check for disruptive work, the run itself, its record, and the next
 * occurrence. Independent of db-scheduler, so it can be driven directly with a fixed clock.
 */
final class ScheduleRunner {
    /** A start at least this late was missed (Tend was down), not just late: a minute, or more when polling is slow. */
    private final Duration grace;
    private final Planner planner;
    private final Database store;
    private final Clock clock;
    private final String instance;
    private final ActionContext context;
    private final Consumer<String> log;

    ScheduleRunner(Planner planner, Database store, Clock clock, String instance, ActionContext context, Consumer<String> log) {
        this.planner = planner;
        this.store = store;
        this.clock = clock;
        this.instance = instance;
        this.context = context;
        this.log = log;
        var serve = ServeSection.of(context.config());
        var slowest = serve.pollInterval().plus(serve.deadAfter());
        this.grace = slowest.compareTo(Duration.ofMinutes(1)) > 0 ? slowest : Duration.ofMinutes(1);
    }

    /** The first occurrence to run from now on. */
    Optional<PlannedRun> first(ScheduleSettings schedule) {
        return nextFrom(schedule, clock.instant());
    }

    /** Runs (or skips) the occurrence due at {@code due}, meant to start at {@code runAt}; returns the next. */
    Optional<PlannedRun> run(ScheduleSettings schedule, Instant due, Instant runAt) {
        var now = clock.instant();
        var action = schedule.action().describe();
        var missed = missedSince(schedule, due, now);
        var late = Duration.between(runAt, now);
        String catchUp = "";
        if (late.compareTo(grace) > 0) {
            var what = "Tend was not running at " + runAt + " (" + Units.age(late) + " ago; " + missed + " occurrence(s) missed)";
            if (schedule.catchUp() == ScheduleSettings.CatchUp.SKIP) {
                record(schedule, due, runAt, now, ScheduleRun.Status.MISSED, what + "; skipped (catchUp: skip)");
                alert(schedule, Optional.of(Severity.WARNING), "missed its run due " + due + ": " + what);
                return nextFrom(schedule, now);
            }
            catchUp = what + "; run once now (catchUp: once). ";
        } else if (runAt.isAfter(due)) {
            // It waited for a window: the occurrences that fell due meanwhile are this run, and say so.
            recordSkipped(schedule, due, due, runAt, "folded into the run due " + due + ", which waited for a window");
        }
        var disruptive = schedule.action().impact() == Impact.DISRUPTIVE;
        var window = disruptive ? planner.openFor(schedule, now) : Optional.<WindowOccurrence>empty();
        if (disruptive && window.isEmpty()) {
            // No window open with enough time left (a late start): it waits for the next one and keeps its due time.
            var placed = planner.place(schedule, now);
            record(schedule, due, runAt, now, ScheduleRun.Status.SKIPPED, catchUp + "no window open with "
                    + Units.age(planner.expected(schedule)) + " left now; " + placed.note());
            alert(schedule, Optional.of(Severity.WARNING), "refused to start its run due " + due + " (disruptive, and no window open with "
                    + Units.age(planner.expected(schedule)) + " left); " + placed.note());
            return placed.runAt().map(next -> new PlannedRun(schedule.name(), action, due, Optional.of(next), placed.window(),
                    PlannedRun.Outcome.WAITS, placed.note()));
        }
        var id = new ScheduleRuns(store).save(new ScheduleRun(0, schedule.name(), action, due, runAt, now, Optional.empty(), ScheduleRun.Status.RUNNING,
                instance, catchUp));
        log.accept("start " + schedule.name() + ": " + action + " (due " + due + ")");
        ScheduleRun.Status status;
        String detail;
        boolean findingsOnly = false;
        try {
            var result = schedule.action().run(context);
            status = result.succeeded() ? ScheduleRun.Status.SUCCEEDED : ScheduleRun.Status.FAILED;
            detail = result.summary();
            findingsOnly = result.findingsOnly();
        } catch (Exception e) {
            status = ScheduleRun.Status.FAILED;
            detail = context.config().redactor().redact(Failures.describe(e));
        }
        var finished = clock.instant();
        boolean overran = window.isPresent() && finished.isAfter(window.get().end());
        if (overran) {
            detail += "; overran window " + window.get().window() + " by " + Units.age(Duration.between(window.get().end(), finished));
        }
        new ScheduleRuns(store).finish(id, status, finished, catchUp + detail);
        log.accept((findingsOnly ? "found problems in" : status.name().toLowerCase(java.util.Locale.ROOT)) + " " + schedule.name() + ": " + detail);
        boolean failed = status == ScheduleRun.Status.FAILED && !findingsOnly;
        alert(schedule, failed ? Optional.of(Severity.CRITICAL) : overran ? Optional.of(Severity.WARNING) : Optional.empty(),
                (failed ? "failed: " : overran ? "ran too long: " : findingsOnly ? "ran; its findings alert on their own: " : "succeeded: ") + detail);
        recordSkipped(schedule, due, now.isAfter(due) ? now : due, finished, "not started: the run due " + due + " was still going");
        return nextFrom(schedule, finished.isAfter(due) ? finished : due);
    }

    /** The instance running it died: record that, then rerun it now or skip to the next, per the schedule. */
    Optional<PlannedRun> interrupted(ScheduleSettings schedule, Instant due, String deadInstance, Instant lastHeartbeat) {
        var now = clock.instant();
        var detail = "interrupted: instance " + deadInstance + " stopped (last heartbeat " + lastHeartbeat + "); "
                + (schedule.interrupted() == ScheduleSettings.OnInterrupt.RERUN ? "run again (interrupted: rerun)" : "skipped (interrupted: skip)");
        if (new ScheduleRuns(store).interrupt(schedule.name(), due, now, detail) == 0) {
            record(schedule, due, due, now, ScheduleRun.Status.INTERRUPTED, detail);
        }
        log.accept(detail + " — " + schedule.name());
        alert(schedule, Optional.of(Severity.WARNING), detail);
        if (schedule.interrupted() == ScheduleSettings.OnInterrupt.RERUN) {
            return Optional.of(new PlannedRun(schedule.name(), schedule.action().describe(), due, Optional.of(now), Optional.empty(),
                    PlannedRun.Outcome.RUNS, "rerun after interruption"));
        }
        return nextFrom(schedule, now);
    }

    /**
     * The schedule's alert ({@code schedule:NAME/run}): a problem fires it at once, a clean run
     * resolves it. Alerting failing must not stop the schedule: it is logged.
     */
    private void alert(ScheduleSettings schedule, Optional<Severity> problem, String reason) {
        try {
            var service = new AlertService(context.config(), store, clock, context.windows());
            service.report(problem.map(severity -> Signal.problem("schedule", schedule.name(), "run", severity, reason))
                    .orElseGet(() -> Signal.cleared("schedule", schedule.name(), "run", reason)));
        } catch (RuntimeException e) {
            log.accept("could not record the alert of " + schedule.name() + ": " + context.config().redactor().redact(Failures.describe(e)));
        }
    }

    /** The next occurrence after {@code after} that will run; skipped ones on the way are recorded. */
    private Optional<PlannedRun> nextFrom(ScheduleSettings schedule, Instant after) {
        var cursor = after;
        for (int guard = 0; guard < 1000; guard++) {
            var due = planner.nextDue(schedule, cursor);
            if (due.isEmpty()) return Optional.empty();
            var placed = planner.place(schedule, due.get());
            if (placed.runAt().isPresent()) return Optional.of(placed);
            // Recorded when their time comes, not ahead: a start of tend serve must not write the future.
            boolean alreadyDue = !due.get().isAfter(clock.instant());
            if (placed.outcome() == PlannedRun.Outcome.BLOCKED) {
                record(schedule, due.get(), due.get(), clock.instant(), ScheduleRun.Status.SKIPPED, "blocked: " + placed.note());
                alert(schedule, Optional.of(Severity.WARNING), "blocked: " + placed.note());
                return Optional.empty();
            }
            if (alreadyDue) record(schedule, due.get(), due.get(), clock.instant(), ScheduleRun.Status.SKIPPED, placed.note());
            cursor = due.get();
        }
        return Optional.empty();
    }

    /** Occurrences due in (from, until] that will not start on their own: each recorded as SKIPPED with the reason. */
    private void recordSkipped(ScheduleSettings schedule, Instant due, Instant from, Instant until, String reason) {
        var cursor = from; // those due before it started were missed, and the run's record says how many
        for (int count = 0; count < 1000; count++) {
            var next = planner.nextDue(schedule, cursor);
            if (next.isEmpty() || next.get().isAfter(until)) return;
            if (count == 50) {
                record(schedule, next.get(), next.get(), until, ScheduleRun.Status.SKIPPED, reason + " (and the ones after it until " + until + ")");
                return;
            }
            record(schedule, next.get(), next.get(), until, ScheduleRun.Status.SKIPPED, reason);
            cursor = next.get();
        }
    }

    private int missedSince(ScheduleSettings schedule, Instant due, Instant now) {
        int missed = 1;
        var cursor = due;
        while (missed < 10_000) {
            var next = planner.nextDue(schedule, cursor);
            if (next.isEmpty() || !next.get().isBefore(now.minus(grace))) return missed;
            missed++;
            cursor = next.get();
        }
        return missed;
    }

    private void record(ScheduleSettings schedule, Instant due, Instant runAt, Instant at, ScheduleRun.Status status, String detail) {
        new ScheduleRuns(store).save(new ScheduleRun(0, schedule.name(), schedule.action().describe(), due, runAt, at, Optional.of(at), status, instance, detail));
        log.accept(status.name().toLowerCase(java.util.Locale.ROOT) + " " + schedule.name() + " (due " + due + "): " + detail);
    }
}
