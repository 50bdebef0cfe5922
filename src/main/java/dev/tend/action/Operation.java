package dev.tend.action;

/**
 * An action whose run is one task outcome — the steps it took, figures before and after — and
 * which can plan instead of act: with {@link Outcome#dryRun()} it says what it would do and
 * changes nothing. {@code tend run --dry-run}, schedules and runbook steps all go through
 * {@link Outcome#execute}, so every operation leaves the same evidence.
 */
public interface Operation extends Action {

    /** The target the outcome is recorded on (the first of {@link #targets()}, or "platform"). */
    default String subject() {
        return targets().isEmpty() ? "platform" : targets().getFirst();
    }

    /**
     * Does the work into {@code outcome}: steps, figures, and the result (succeed, fail, refuse, or
     * plan on a dry run). An exception fails it, with the steps taken so far kept.
     */
    void perform(ActionContext context, Outcome outcome) throws Exception;

    @Override
    default ActionResult run(ActionContext context) {
        var outcome = Outcome.execute(this, context, false);
        return new ActionResult(outcome.result() == dev.tend.task.TaskOutcome.Result.SUCCEEDED,
                outcome.result().name().toLowerCase(java.util.Locale.ROOT) + ": " + outcome.reason());
    }
}
