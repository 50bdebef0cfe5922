package dev.tend.runbook;

import dev.tend.check.Failures;
import dev.tend.check.ResultHistory;
import dev.tend.config.TendConfig;
import dev.tend.people.Person;
import dev.tend.runbook.MaintenanceEvent.Kind;
import dev.tend.runbook.MaintenanceRun.State;
import dev.tend.action.ActionContext;
import dev.tend.alert.AlertService;
import dev.tend.alert.Announcements;
import dev.tend.alert.notify.Message;
import dev.tend.alert.Severity;
import dev.tend.alert.Signal;
import dev.tend.action.ActionResult;
import dev.tend.schedule.WindowsSection;
import dev.tend.store.Database;
import dev.tend.task.Impact;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Carries out a runbook as a maintenance run: announced, pre-checks, in progress, verifying, then
 * completed, failed or rolled back. Every transition and step is an event with time and actor. A
 * manual step pauses the run (WAITING) until someone in its role signs it; the run then resumes
 * where it stopped. Disruptive steps start only while the runbook's window is open; once it has
 * closed, the overrun is recorded and no further disruptive step starts.
 */
public final class RunbookRunner {
    private final TendConfig config;
    private final Database store;
    private final Clock clock;
    private final ActionContext context;
    private final Consumer<String> log;

    public RunbookRunner(TendConfig config, Database store, Clock clock, Function<String, String> environment, Consumer<String> log) {
        this.config = config;
        this.store = store;
        this.clock = clock;
        this.context = new ActionContext(config, store, clock, environment, WindowsSection.calendar(config));
        this.log = log;
    }

    /** The plan a dry run prints: every step in order, its phase and what it does; nothing runs. */
    public static List<String> plan(Runbook runbook) {
        var lines = new ArrayList<String>();
        lines.add(runbook.title() + " (" + runbook.name() + ")" + runbook.window().map(window -> ", in window " + window).orElse(""));
        int number = 1;
        for (var step : runbook.steps()) {
            lines.add(String.format("%2d. [%s] %s: %s (on failure: %s)", number++, step.phase().name().toLowerCase(java.util.Locale.ROOT), step.name(),
                    step.describe(), step.onFailure().name().toLowerCase(java.util.Locale.ROOT)));
        }
        for (var step : runbook.rollback()) lines.add("    rollback: " + step.name() + ": " + step.describe());
        return lines;
    }

    public MaintenanceRun start(Runbook runbook, String actor) {
        var now = clock.instant();
        var created = new MaintenanceRun(0, runbook.name(), State.ANNOUNCED, 0, now, Optional.empty(), actor, "", "");
        var run = new MaintenanceRun(new MaintenanceRuns(store).create(created), runbook.name(), State.ANNOUNCED, 0, now, Optional.empty(), actor, "", "");
        event(run, actor, Kind.STATE, "", "ANNOUNCED: " + runbook.title());
        var told = announce(Message.MAINTENANCE_STARTED, runbook.title() + " has started", "Maintenance has started: " + runbook.title()
                + runbook.window().map(window -> ", in maintenance window " + window).orElse("") + ". Services affected: "
                + MaintenanceReport.affected(runbook) + ". A notice follows when it is over.", actor);
        if (!told.isEmpty()) event(run, actor, Kind.NOTE, "", "announced to " + String.join(", ", told));
        return proceed(runbook, run, actor);
    }

    /** A person signs the manual step the run waits for; the run then goes on. */
    public MaintenanceRun sign(Runbook runbook, MaintenanceRun run, String stepName, Person person, String comment) {
        var step = current(runbook, run).filter(candidate -> candidate.name().equals(stepName) && candidate instanceof Step.Manual)
                .map(Step.Manual.class::cast)
                .orElseThrow(() -> new IllegalArgumentException("run " + run.id() + " is not waiting for step '" + stepName + "'"
                        + current(runbook, run).map(waiting -> "; it waits for '" + waiting.name() + "'").orElse("")));
        if (!person.holds(step.role())) {
            throw new IllegalArgumentException(person.name() + " does not hold the role " + step.role() + " this step needs");
        }
        // Two signatures at the same moment: only the first resumes the run.
        if (!new MaintenanceRuns(store).claim(run.id(), State.WAITING, run.position(), State.IN_PROGRESS)) {
            throw new IllegalArgumentException("run " + run.id() + " is no longer waiting for step '" + stepName + "': someone else signed it");
        }
        var claimed = new MaintenanceRun(run.id(), run.runbook(), State.IN_PROGRESS, run.position(), run.startedAt(), run.finishedAt(),
                run.actor(), run.logEntry(), run.notice());
        event(claimed, person.name(), Kind.STATE, "", "IN_PROGRESS: resumed");
        event(claimed, person.name(), Kind.SIGNED, step.name(), "signed by " + person.name() + " (" + step.role() + ")"
                + (comment.isBlank() ? "" : ": " + comment));
        return proceed(runbook, claimed, person.name());
    }

    private MaintenanceRun proceed(Runbook runbook, MaintenanceRun start, String actor) {
        var run = start;
        hold(runbook, run);
        var all = new ArrayList<Step>(runbook.steps());
        all.addAll(runbook.rollback());
        boolean windowUsed = false;
        boolean rollbackFailed = false;
        for (int position = run.position(); position < all.size(); position++) {
            var step = all.get(position);
            boolean rollingBack = position >= runbook.steps().size();
            var previousState = run.state();
            run = transition(run, actor, rollingBack ? State.IN_PROGRESS : stateOf(step.phase()), position);
            if (previousState == State.ANNOUNCED && run.state() != State.ANNOUNCED) preMaintenanceChecklists(runbook, run, actor);
            if (step instanceof Step.Manual manual) {
                var signature = signature(run, manual);
                if (signature.isEmpty()) {
                    run = transition(run, actor, State.WAITING, position);
                    log.accept("waiting for " + manual.role() + ": " + manual.text() + " — tend runbook sign " + run.id() + " " + manual.name() + " --as PERSON");
                    return run;
                }
                event(run, actor, Kind.STEP_SUCCEEDED, step.name(), manual.text() + " (" + signature.get() + ")");
                if (!rollingBack && position == runbook.steps().size() - 1) return finish(runbook, run, actor, State.COMPLETED);
                continue;
            }
            var outcome = execute(runbook, run, step, actor, windowUsed);
            windowUsed |= outcome.inWindow();
            if (outcome.failed() && rollingBack) rollbackFailed = true;
            if (outcome.failed() && !rollingBack) {
                switch (step.onFailure()) {
                    case CONTINUE -> { }
                    case STOP -> {
                        return finish(runbook, run, actor, State.FAILED);
                    }
                    case ROLLBACK -> {
                        if (runbook.rollback().isEmpty()) return finish(runbook, run, actor, State.FAILED);
                        event(run, actor, Kind.NOTE, step.name(), "rolling back after " + step.name() + " failed");
                        position = runbook.steps().size() - 1; // the loop goes on with the first rollback step
                        continue;
                    }
                }
            }
            if (!rollingBack && position == runbook.steps().size() - 1) return finish(runbook, run, actor, State.COMPLETED);
        }
        if (run.position() < runbook.steps().size()) return finish(runbook, run, actor, State.COMPLETED);
        return finish(runbook, run, actor, rollbackFailed ? State.FAILED : State.ROLLED_BACK);
    }

    private record StepOutcome(boolean failed, boolean inWindow) {}

    private StepOutcome execute(Runbook runbook, MaintenanceRun run, Step step, String actor, boolean windowUsed) {
        event(run, actor, Kind.STEP_STARTED, step.name(), step.describe());
        log.accept("step " + step.name() + ": " + step.describe());
        try {
            switch (step) {
                case Step.Notify notify -> {
                    var told = announce(Message.MAINTENANCE_NOTICE, runbook.title() + ": " + notify.message(), notify.message(), actor);
                    event(run, actor, Kind.STEP_SUCCEEDED, step.name(), "notified: " + notify.message()
                            + (told.isEmpty() ? " (recorded only: no announcements: notifiers)" : " (to " + String.join(", ", told) + ")"));
                    return new StepOutcome(false, false);
                }
                case Step.Wait wait -> {
                    Thread.sleep(wait.duration().toMillis());
                    event(run, actor, Kind.STEP_SUCCEEDED, step.name(), "waited " + dev.tend.check.Units.age(wait.duration()));
                    return new StepOutcome(false, false);
                }
                case Step.Run action -> {
                    return runAction(runbook, run, action, actor, windowUsed);
                }
                case Step.Manual manual -> throw new IllegalStateException("manual steps are signed, not executed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            event(run, actor, Kind.STEP_FAILED, step.name(), "interrupted");
            return new StepOutcome(true, false);
        }
    }

    private StepOutcome runAction(Runbook runbook, MaintenanceRun run, Step.Run step, String actor, boolean windowUsed) throws InterruptedException {
        boolean disruptive = step.action().impact() == Impact.DISRUPTIVE;
        if (disruptive && runbook.window().isPresent()) {
            var open = WindowsSection.calendar(config).windows().stream().filter(window -> window.name().equals(runbook.window().get()))
                    .filter(window -> step.action().targets().stream().allMatch(window::covers))
                    .flatMap(window -> window.between(clock.instant(), clock.instant().plusNanos(1)).stream())
                    .anyMatch(occurrence -> occurrence.contains(clock.instant()));
            if (!open) {
                var why = windowUsed ? "window " + runbook.window().get() + " has closed (overrun): no further disruptive step starts"
                        : "window " + runbook.window().get() + " is not open for " + String.join(", ", step.action().targets())
                                + ": disruptive steps run only inside it";
                event(run, actor, windowUsed ? Kind.STEP_SKIPPED : Kind.STEP_FAILED, step.name(), why);
                return new StepOutcome(!windowUsed, false);
            }
        }
        if (step.requires().isPresent()) {
            var unhealthy = new ResultHistory(store).latest().stream().filter(result -> result.target().equals(step.requires().get()) && !result.status().isOk()).toList();
            if (!unhealthy.isEmpty()) {
                event(run, actor, Kind.STEP_FAILED, step.name(), "precondition: " + step.requires().get() + " is not healthy: " + unhealthy.get(0).reason());
                return new StepOutcome(true, false);
            }
        }
        // Not try-with-resources: closing waits for the task, and a step that ignores interruption would
        // then hold the run past its timeout. On timeout the task is abandoned (and interrupted).
        var executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            var future = executor.submit(() -> step.action().run(context));
            ActionResult result;
            try {
                result = future.get(step.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                event(run, actor, Kind.STEP_FAILED, step.name(), "did not finish within " + dev.tend.check.Units.age(step.timeout()));
                return new StepOutcome(true, disruptive);
            } catch (java.util.concurrent.ExecutionException e) {
                var cause = e.getCause();
                event(run, actor, Kind.STEP_FAILED, step.name(), config.redactor().redact(Failures.describe(cause)));
                return new StepOutcome(true, disruptive);
            }
            event(run, actor, result.succeeded() ? Kind.STEP_SUCCEEDED : Kind.STEP_FAILED, step.name(), result.summary());
            return new StepOutcome(!result.succeeded(), disruptive);
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * The T-24h / T-2h / T-30m checklists of the runbook's window, as the run begins: each item not
     * done is an issue of the run (recorded, not a block: the people on site decide).
     */
    private void preMaintenanceChecklists(Runbook runbook, MaintenanceRun run, String actor) {
        if (runbook.window().isEmpty()) return;
        var status = new ChecklistStatus(store, config.platform().timezone(), WindowsSection.calendar(config));
        for (var checklist : ChecklistsSection.of(config)) {
            if (!checklist.window().equals(runbook.window())) continue;
            var all = status.at(checklist, clock.instant());
            var states = all.stream().filter(state -> state.state() == ItemState.State.OPEN
                    || state.state() == ItemState.State.OVERDUE && state.period().end().isAfter(clock.instant().minus(java.time.Duration.ofDays(1)))).toList();
            long done = all.stream().filter(state -> state.state() == ItemState.State.DONE).count();
            event(run, actor, Kind.NOTE, checklist.name(), "pre-maintenance checklist " + checklist.name() + ": " + done + " done, "
                    + states.size() + " not done");
            for (var state : states) {
                event(run, actor, Kind.STEP_SKIPPED, checklist.name() + "/" + state.item().id(), "pre-maintenance item not done: "
                        + state.item().text() + " (" + state.item().role() + ")");
            }
        }
    }

    private MaintenanceRun finish(Runbook runbook, MaintenanceRun run, String actor, State state) {
        atEnd(runbook, run, actor, state);
        var ended = transition(run, actor, state, run.position());
        var now = clock.instant();
        var report = MaintenanceReport.write(runbook, ended, new MaintenanceRuns(store).events(run.id()), now, config);
        var finished = new MaintenanceRun(ended.id(), ended.runbook(), state, ended.position(), ended.startedAt(), Optional.of(now), ended.actor(),
                report.logEntry(), report.notice());
        new MaintenanceRuns(store).update(finished);
        log.accept(state + ": " + runbook.name() + " (run " + run.id() + ")");
        announce(Message.MAINTENANCE_ENDED, runbook.title() + switch (state) {
            case COMPLETED -> " is complete";
            case ROLLED_BACK -> " was rolled back";
            default -> " failed";
        }, report.notice(), actor);
        alert(runbook, finished);
        return finished;
    }

    /**
     * What the run's started steps ask to be run at its end, however it ended ({@code maintenance-mode
     * --on} asks {@code --off}), unless a later step already did it and succeeded.
     */
    private void atEnd(Runbook runbook, MaintenanceRun run, String actor, State state) {
        var events = new MaintenanceRuns(store).events(run.id());
        var all = new ArrayList<Step>(runbook.steps());
        all.addAll(runbook.rollback());
        for (var step : all) {
            if (!(step instanceof Step.Run started) || started.action().atEnd().isEmpty()) continue;
            int at = lastIndex(events, Kind.STEP_STARTED, step.name());
            if (at < 0) continue;
            var undo = started.action().atEnd().get();
            boolean done = events.subList(at, events.size()).stream().anyMatch(event -> event.kind() == Kind.STEP_SUCCEEDED
                    && all.stream().anyMatch(other -> other.name().equals(event.step()) && other instanceof Step.Run later
                            && later.action().describe().equals(undo.describe())));
            if (done) continue;
            try {
                var result = undo.run(context);
                event(run, actor, result.succeeded() ? Kind.NOTE : Kind.STEP_FAILED, step.name(), undo.describe() + " as the run ended ("
                        + state + "): " + result.summary());
            } catch (Exception e) {
                event(run, actor, Kind.STEP_FAILED, step.name(), undo.describe() + " as the run ended failed: "
                        + config.redactor().redact(Failures.describe(e)));
            }
        }
    }

    private static int lastIndex(List<MaintenanceEvent> events, Kind kind, String step) {
        for (int index = events.size() - 1; index >= 0; index--) {
            if (events.get(index).kind() == kind && events.get(index).step().equals(step)) return index;
        }
        return -1;
    }

    /**
     * While the run works, its targets' new problems are expected: recorded, not paged. The hold
     * is renewed whenever the run goes on, and bounded (every step's timeout and an hour for the
     * people), so a run that died cannot silence a target for good.
     */
    private void hold(Runbook runbook, MaintenanceRun run) {
        var targets = new java.util.LinkedHashSet<String>();
        var bound = java.time.Duration.ofHours(1);
        for (var step : runbook.steps()) {
            if (step instanceof Step.Run action) {
                targets.addAll(action.action().targets());
                bound = bound.plus(action.timeout());
            }
        }
        try {
            alerting().hold(holder(run), List.copyOf(targets), clock.instant().plus(bound));
        } catch (RuntimeException e) {
            log.accept("could not hold alerts during run " + run.id() + ": " + config.redactor().redact(Failures.describe(e)));
        }
    }

    /** The run is over: its hold ends (what is still bad pages now), and a failed or rolled-back run pages itself. */
    private void alert(Runbook runbook, MaintenanceRun run) {
        try {
            var alerting = alerting();
            alerting.release(holder(run));
            if (run.state() == State.COMPLETED) {
                alerting.report(Signal.cleared("maintenance", runbook.name(), "run", "run " + run.id() + " completed"));
                return;
            }
            var failure = new MaintenanceRuns(store).events(run.id()).stream().filter(event -> event.kind() == Kind.STEP_FAILED)
                    .reduce((first, second) -> second).map(event -> ": step " + event.step() + " failed: " + event.detail()).orElse("");
            alerting.report(Signal.problem("maintenance", runbook.name(), "run", Severity.CRITICAL,
                    "run " + run.id() + " " + (run.state() == State.ROLLED_BACK ? "rolled back" : "failed") + failure
                            + " (tend runbook show " + run.id() + ")"));
        } catch (RuntimeException e) {
            log.accept("could not record the alert of run " + run.id() + ": " + config.redactor().redact(Failures.describe(e)));
        }
    }

    /** Tells the users (announcements:); returns who was told. A failure to record it must not stop the maintenance. */
    private List<String> announce(String type, String title, String text, String actor) {
        try {
            return new Announcements(config, store, clock).announce(type, title, text, actor);
        } catch (RuntimeException e) {
            log.accept("could not announce '" + title + "': " + config.redactor().redact(Failures.describe(e)));
            return List.of();
        }
    }

    private AlertService alerting() {
        return new AlertService(config, store, clock, context.windows());
    }

    private static String holder(MaintenanceRun run) {
        return "maintenance run " + run.id() + " (" + run.runbook() + ")";
    }

    private MaintenanceRun transition(MaintenanceRun run, String actor, State state, int position) {
        var changed = new MaintenanceRun(run.id(), run.runbook(), state, position, run.startedAt(), run.finishedAt(), run.actor(), run.logEntry(),
                run.notice());
        if (state != run.state()) event(run, actor, Kind.STATE, "", state.name());
        if (state != run.state() || position != run.position()) new MaintenanceRuns(store).update(changed);
        return changed;
    }

    /** Who signed the step, and their comment, once someone has. */
    private Optional<String> signature(MaintenanceRun run, Step.Manual step) {
        return new MaintenanceRuns(store).events(run.id()).stream().filter(event -> event.kind() == Kind.SIGNED && event.step().equals(step.name()))
                .map(MaintenanceEvent::detail).reduce((first, second) -> second);
    }

    /** The manual step a waiting run waits for, if it waits. */
    public static Optional<Step.Manual> waitingFor(Runbook runbook, MaintenanceRun run) {
        return current(runbook, run).filter(Step.Manual.class::isInstance).map(Step.Manual.class::cast);
    }

    private static Optional<Step> current(Runbook runbook, MaintenanceRun run) {
        var all = new ArrayList<Step>(runbook.steps());
        all.addAll(runbook.rollback());
        return run.state() == State.WAITING && run.position() < all.size() ? Optional.of(all.get(run.position())) : Optional.empty();
    }

    private static State stateOf(Step.Phase phase) {
        return switch (phase) {
            case PRE -> State.PRECHECKS;
            case TASKS, ROLLBACK -> State.IN_PROGRESS;
            case VERIFY -> State.VERIFYING;
        };
    }

    private void event(MaintenanceRun run, String actor, Kind kind, String step, String detail) {
        new MaintenanceRuns(store).saveEvent(new MaintenanceEvent(run.id(), clock.instant(), actor, kind, step, detail));
    }

}
