package dev.tend.runbook;

import dev.tend.runbook.MaintenanceRun.State;
import dev.tend.action.Action;
import dev.tend.action.ActionContext;
import dev.tend.action.ActionResult;
import dev.tend.action.ActionType;
import dev.tend.task.Impact;
import java.util.List;

/**
 * {@code runbook NAME}: a schedule starts a maintenance run (e.g. at each opening of its window).
 * Its disruptive steps check the window themselves; a run that pauses at a manual step is not a
 * failure — it waits for its sign-off.
 */
public final class RunbookActionType implements ActionType {

    @Override
    public List<String> names() {
        return List.of("runbook");
    }

    @Override
    public String usage(String name) {
        return "runbook RUNBOOK";
    }

    @Override
    public Action parse(String name, List<String> arguments, Lookup lookup) {
        if (arguments.size() != 1) throw new IllegalArgumentException("write " + usage(name));
        var runbook = arguments.get(0);
        if (!lookup.runbooks().contains(runbook)) throw new IllegalArgumentException("runbook: no runbook named '" + runbook + "'");
        return new RunbookAction(runbook);
    }

    private record RunbookAction(String name) implements Action {
        @Override
        public String describe() {
            return "runbook " + name;
        }

        @Override
        public Impact impact() {
            return Impact.ONLINE;
        }

        @Override
        public List<String> targets() {
            return List.of();
        }

        @Override
        public ActionResult run(ActionContext context) {
            var runbook = RunbooksSection.named(context.config(), name).orElseThrow(); // checked when the config was read
            var run = new RunbookRunner(context.config(), context.store(), context.clock(), context.environment(), line -> {})
                    .start(runbook, "tend serve");
            var summary = "maintenance run " + run.id() + ": " + run.state()
                    + (run.state() == State.WAITING ? " (a manual step waits: tend runbook show " + run.id() + ")" : "");
            return new ActionResult(run.state() != State.FAILED && run.state() != State.ROLLED_BACK, summary);
        }
    }
}
