package dev.tend.action;

import dev.tend.task.Impact;
import java.util.List;

/** Something a schedule (or a runbook step) runs: a check round, a backup operation, a maintenance task. */
public interface Action {

    /** As written in tend.yaml: "backup.create db". */
    String describe();

    /** Disruptive actions run only inside a window covering every target they touch. */
    Impact impact();

    /** The targets it acts on (for window coverage); empty for "all" or none in particular. */
    List<String> targets();

    /**
     * What a maintenance run that ran this action must run when it ends, however it ends (failed,
     * rolled back): {@code maintenance-mode --on} answers {@code --off}. Like a finally block.
     */
    default java.util.Optional<Action> atEnd() {
        return java.util.Optional.empty();
    }

    /** Runs it and records its own evidence (check results, task outcomes, verifications). */
    ActionResult run(ActionContext context) throws Exception;
}
