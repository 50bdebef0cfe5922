package dev.tend.cli;

import dev.tend.action.Action;
import dev.tend.action.ActionContext;
import dev.tend.action.ActionResult;
import dev.tend.action.ActionType;
import dev.tend.action.Operation;
import dev.tend.action.Outcome;
import dev.tend.check.Failures;
import dev.tend.config.TendConfig;
import dev.tend.registry.BuiltIn;
import dev.tend.runbook.Runbook;
import dev.tend.runbook.RunbooksSection;
import dev.tend.schedule.WindowsSection;
import dev.tend.store.Stores;
import dev.tend.task.Impact;
import dev.tend.task.TaskOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code tend run} for every action but the PostgreSQL tasks: parsed as a schedule's {@code run:},
 * refused outside a window when disruptive (unless --force), run or planned, recorded and audited.
 */
final class RunAction {
    private final Main.Environment environment;
    private final CommandSpec spec;
    private final TendConfig config;

    RunAction(Main.Environment environment, CommandSpec spec, TendConfig config) {
        this.environment = environment;
        this.spec = spec;
        this.config = config;
    }

    int run(String text, boolean dryRun, boolean force, boolean json) throws Exception {
        var runbooks = RunbooksSection.of(config).stream().map(Runbook::name).collect(Collectors.toSet());
        var lookup = ActionType.Lookup.of(BuiltIn.actions(), config, runbooks);
        Action action;
        try {
            action = force ? withForce(lookup, text) : lookup.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        var out = spec.commandLine().getOut();
        try (var store = Stores.open(config.store())) {
            var context = new ActionContext(config, store, environment.clock(), environment.variables(), WindowsSection.calendar(config));
            var closed = closedWindow(action, context);
            if (!dryRun && !force && !closed.isEmpty()) {
                var refusal = action.describe() + " is disruptive and no maintenance window is open for " + String.join(", ", closed)
                        + "; it runs in a window (tend windows), or now with --force";
                print(action, new ActionResult(false, refusal), "REFUSED", json, out);
                return 1;
            }
            if (action instanceof Operation operation) {
                var outcome = Outcome.execute(operation, context, dryRun);
                audit(store, action, dryRun, outcome.result().name() + (outcome.reason().isBlank() ? "" : " (" + outcome.reason() + ")"));
                TaskOutput.print(outcome, action.impact(), json, out);
                return outcome.result() == TaskOutcome.Result.SUCCEEDED || outcome.result() == TaskOutcome.Result.PLANNED ? 0 : 1;
            }
            if (dryRun) {
                print(action, new ActionResult(true, "would run " + action.describe() + (action.targets().isEmpty() ? "" : " on "
                        + String.join(", ", action.targets()))), "PLANNED", json, out);
                return 0;
            }
            ActionResult result;
            try {
                result = action.run(context);
            } catch (Exception e) {
                result = new ActionResult(false, config.redactor().redact(Failures.describe(e)));
            }
            audit(store, action, false, (result.succeeded() ? "SUCCEEDED" : "FAILED") + " (" + result.summary() + ")");
            print(action, result, result.succeeded() ? "SUCCEEDED" : "FAILED", json, out);
            return result.succeeded() ? 0 : 1;
        }
    }

    /** --force is tend run's (outside a window) and, for an action that takes one (logs.rotate), the action's own too. */
    private static Action withForce(ActionType.Lookup lookup, String text) {
        try {
            return lookup.parse(text + " --force");
        } catch (IllegalArgumentException notItsOption) {
            return lookup.parse(text);
        }
    }

    /** The targets of a disruptive action with no window open now (all of them for a platform-wide action with none open). */
    private static List<String> closedWindow(Action action, ActionContext context) {
        if (action.impact() != Impact.DISRUPTIVE) return List.of();
        var now = context.clock().instant();
        var targets = action.targets().isEmpty() ? List.of("the platform") : action.targets();
        if (action.targets().isEmpty()) return context.windows().isOpen("", now) ? List.of() : targets;
        return targets.stream().filter(target -> !context.windows().isOpen(target, now)).toList();
    }

    private void audit(dev.tend.store.Database store, Action action, boolean dryRun, String detail) {
        if (dryRun) return;
        AuditSource.record(store, environment, AuditSource.loginName(environment), "task.run", action.describe() + ": " + detail);
    }

    private static void print(Action action, ActionResult result, String state, boolean json, java.io.PrintWriter out) {
        var impact = action.impact().name().toLowerCase(Locale.ROOT);
        if (json) {
            var row = new LinkedHashMap<String, Object>();
            row.put("task", action.describe().split("\\s+")[0]);
            row.put("action", action.describe());
            row.put("impact", impact);
            row.put("targets", action.targets());
            row.put("result", state);
            row.put("reason", result.summary());
            out.println(JsonMapper.builder().build().writeValueAsString(row));
        } else {
            out.println(action.describe() + " (" + impact + "): " + state + " — " + result.summary());
        }
        out.flush();
    }
}
