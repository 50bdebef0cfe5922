package dev.tend.action;

import dev.tend.logs.cleanup.Cleanup;
import dev.tend.logs.cleanup.CleanupRuns;
import dev.tend.logs.cleanup.CleanupSection;
import dev.tend.task.Impact;
import java.util.List;

/** {@code cleanup RULE}: a retention rule of cleanup: as a schedule or runbook step, recorded as tend cleanup records it. */
public final class CleanupActionType implements ActionType {

    @Override
    public List<String> names() {
        return List.of("cleanup");
    }

    @Override
    public String usage(String name) {
        return "cleanup RULE";
    }

    @Override
    public Action parse(String name, List<String> arguments, Lookup lookup) {
        if (arguments.size() != 1) throw new IllegalArgumentException("cleanup takes one rule: " + usage(name));
        if (!lookup.names(CleanupSection.KEY.name()).contains(arguments.getFirst())) {
            throw new IllegalArgumentException("cleanup: no cleanup rule named '" + arguments.getFirst() + "'");
        }
        return new Clean(arguments.getFirst());
    }

    private record Clean(String rule) implements Action {
        @Override
        public String describe() {
            return "cleanup " + rule;
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
        public ActionResult run(ActionContext context) throws Exception {
            var settings = CleanupSection.named(context.config(), rule).orElseThrow();
            var store = context.config().store();
            var storeDirectory = store.isPostgres() ? null : store.sqliteFile().toAbsolutePath().getParent();
            Cleanup.Plan plan;
            try {
                plan = Cleanup.plan(settings, context.clock().instant(), storeDirectory);
            } catch (Cleanup.Refused e) {
                return new ActionResult(false, e.getMessage());
            }
            var outcome = Cleanup.apply(plan);
            if (!outcome.done().isEmpty() || !outcome.failures().isEmpty()) new CleanupRuns(context.store()).record(outcome, context.clock().instant());
            var summary = outcome.done().size() + " of " + plan.matching() + " matching in " + settings.path() + " "
                    + (settings.action() == dev.tend.logs.cleanup.CleanupRule.Action.COMPRESS ? "compressed" : "deleted") + ", " + outcome.freed() + " bytes freed"
                    + (outcome.failures().isEmpty() ? "" : "; FAILED " + String.join("; ", outcome.failures()));
            return new ActionResult(outcome.failures().isEmpty(), summary);
        }
    }
}
