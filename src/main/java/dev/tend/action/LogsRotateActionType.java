package dev.tend.action;

import dev.tend.logs.LogRotation;
import dev.tend.logs.LogsSection;
import dev.tend.task.Impact;
import java.util.List;

/** {@code logs.rotate SOURCE [--force]}: the weekly "rotate logs" as a schedule or runbook step (rotating by rename and reopen, or copytruncate, is online). */
public final class LogsRotateActionType implements ActionType {

    @Override
    public List<String> names() {
        return List.of("logs.rotate");
    }

    @Override
    public String usage(String name) {
        return "logs.rotate SOURCE [--force]";
    }

    @Override
    public Action parse(String name, List<String> arguments, Lookup lookup) {
        var force = arguments.contains("--force");
        var rest = arguments.stream().filter(argument -> !argument.equals("--force")).toList();
        if (rest.size() != 1) throw new IllegalArgumentException("logs.rotate takes one log source: " + usage(name));
        if (!lookup.names(LogsSection.KEY.name()).contains(rest.getFirst())) {
            throw new IllegalArgumentException("logs.rotate: no log source named '" + rest.getFirst() + "'");
        }
        return new Rotate(rest.getFirst(), force);
    }

    private record Rotate(String source, boolean force) implements Action {
        @Override
        public String describe() {
            return "logs.rotate " + source + (force ? " --force" : "");
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
            var settings = LogsSection.named(context.config(), source).orElseThrow();
            if (settings.rotate().isEmpty()) return new ActionResult(false, "log source " + source + " has no rotate: in the config");
            var outcome = LogRotation.run(settings, settings.rotate().get(), context.clock().instant(), context.config().platform().timezone(), false, force);
            var done = outcome.steps().stream().filter(step -> !step.startsWith("keep ")).toList();
            var summary = (done.isEmpty() ? "nothing was due" : String.join("; ", done))
                    + (outcome.failures().isEmpty() ? "" : "; FAILED " + String.join("; ", outcome.failures()));
            return new ActionResult(outcome.failures().isEmpty(), summary);
        }
    }
}
