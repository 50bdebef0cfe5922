package dev.tend.action;

import dev.tend.check.Failures;
import dev.tend.check.Measurement;
import dev.tend.task.TaskOutcome;
import dev.tend.task.TaskOutcomes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The evidence an {@link Operation} writes as it works: the steps it took (commands, API calls),
 * figures before and after, and how it ended. Everything it is given is redacted before it is
 * kept, so a secret that reaches a command's output never reaches the store.
 */
public final class Outcome {
    private final String task;
    private final String target;
    private final boolean dryRun;
    private final ActionContext context;
    private final Instant startedAt;
    private final List<String> steps = new ArrayList<>();
    private final List<Measurement> before = new ArrayList<>();
    private final List<Measurement> after = new ArrayList<>();
    private String object = "";
    private TaskOutcome.Result result;
    private String reason = "";

    private Outcome(String task, String target, boolean dryRun, ActionContext context) {
        this.task = task;
        this.target = target;
        this.dryRun = dryRun;
        this.context = context;
        this.startedAt = context.clock().instant();
    }

    /** Runs (or on a dry run, plans) the operation, records its outcome in the store and returns it; never throws for the work's failure. */
    public static TaskOutcome execute(Operation operation, ActionContext context, boolean dryRun) {
        var name = operation.describe().split("\\s+")[0];
        var outcome = new Outcome(name, operation.subject(), dryRun, context);
        try {
            operation.perform(context, outcome);
            if (outcome.result == null) outcome.fail("ended without saying how");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome.fail("interrupted");
        } catch (Exception e) {
            outcome.fail(Failures.describe(e));
        }
        var recorded = outcome.toTaskOutcome();
        new TaskOutcomes(context.store()).save(recorded);
        return recorded;
    }

    public boolean dryRun() {
        return dryRun;
    }

    /** What it acted on, when more precise than the target: a container, a key pattern, a file. */
    public Outcome object(String what) {
        this.object = redact(what);
        return this;
    }

    public Outcome step(String what) {
        steps.add(redact(what));
        return this;
    }

    public Outcome before(Measurement measurement) {
        before.add(measurement);
        return this;
    }

    public Outcome after(Measurement measurement) {
        after.add(measurement);
        return this;
    }

    public void succeed(String why) {
        end(TaskOutcome.Result.SUCCEEDED, why);
    }

    public void fail(String why) {
        end(TaskOutcome.Result.FAILED, why);
    }

    /** Refused before it changed anything (outside a window, a guard said no). */
    public void refuse(String why) {
        end(TaskOutcome.Result.REFUSED, why);
    }

    /** A dry run's plan: the steps recorded are what a run would do. */
    public void plan(String what) {
        end(TaskOutcome.Result.PLANNED, what);
    }

    public TaskOutcome.Result result() {
        return result;
    }

    private void end(TaskOutcome.Result result, String why) {
        this.result = result;
        this.reason = redact(why);
    }

    private String redact(String text) {
        return context.config().redactor().redact(text);
    }

    private TaskOutcome toTaskOutcome() {
        return new TaskOutcome(task, target, object, result, reason, dryRun, startedAt, Duration.between(startedAt, context.clock().instant()),
                List.copyOf(steps), List.copyOf(before), List.copyOf(after));
    }
}
