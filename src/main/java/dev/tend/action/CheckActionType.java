package dev.tend.action;

import dev.tend.alert.AlertService;
import dev.tend.check.CheckResult;
import dev.tend.check.CheckService;
import dev.tend.target.Target;
import dev.tend.task.Impact;
import java.util.List;

/** {@code check [TARGET...]}: a round of health checks (all targets and backups, or those named), recorded. */
public final class CheckActionType implements ActionType {

    @Override
    public List<String> names() {
        return List.of("check");
    }

    @Override
    public String usage(String name) {
        return "check [TARGET...]";
    }

    @Override
    public Action parse(String name, List<String> arguments, Lookup lookup) {
        for (var target : arguments) {
            boolean logs = target.startsWith("logs:") && (lookup.names(Lookup.CHECKED_LOGS).contains(target.substring(5))
                    || lookup.names(Lookup.ROTATED_LOGS).contains(target.substring(5)));
            if (!lookup.targets().containsKey(target) && !logs && !(target.startsWith("backup:") && lookup.backups().containsKey(target.substring(7)))) {
                throw new IllegalArgumentException("check: no target named '" + target + "'");
            }
        }
        return new CheckAction(List.copyOf(arguments));
    }

    private record CheckAction(List<String> only) implements Action {
        @Override
        public String describe() {
            return only.isEmpty() ? "check" : "check " + String.join(" ", only);
        }

        @Override
        public Impact impact() {
            return Impact.ONLINE;
        }

        @Override
        public List<String> targets() {
            return only;
        }

        @Override
        public ActionResult run(ActionContext context) {
            var all = WatchedTargets.of(context.config(), context.store(), context.clock());
            var chosen = only.isEmpty() ? all : all.stream().filter(target -> only.contains(target.name())).toList();
            var results = new CheckService(context.clock()).runAndRecord(context.config(), chosen, context.store(), result -> {});
            new AlertService(context.config(), context.store(), context.clock(), context.windows()).evaluate(results);
            long ok = results.stream().filter(result -> result.status().isOk()).count();
            var summary = results.size() + " checks: " + ok + " OK, " + (results.size() - ok) + " not OK"
                    + results.stream().filter(result -> !result.status().isOk()).findFirst().map(CheckResult::reason).map(reason -> " (" + reason + ")").orElse("");
            // A round that found problems did not succeed (a checklist must not count it as evidence),
            // but the round itself worked: the problems page as the checks' own alerts.
            return ok == results.size() ? new ActionResult(true, summary) : ActionResult.foundProblems(summary);
        }
    }
}
