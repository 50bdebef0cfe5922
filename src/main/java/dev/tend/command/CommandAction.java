package dev.tend.command;

import dev.tend.action.ActionContext;
import dev.tend.action.Operation;
import dev.tend.action.Outcome;
import dev.tend.check.Measurement;
import dev.tend.check.Units;
import dev.tend.docker.DockerTarget;
import dev.tend.target.TargetsSection;
import dev.tend.task.Impact;
import java.util.List;

/**
 * A runbook step's or schedule's {@code command:} or {@code exec:}: runs it within its timeout and
 * keeps the command line, its output (capped, redacted) and exit code as the step's evidence.
 */
public record CommandAction(CommandSettings settings) implements Operation {

    @Override
    public String describe() {
        return settings.container().map(where -> "exec " + where.container() + " " + settings.display()).orElse("command " + settings.display());
    }

    @Override
    public Impact impact() {
        return settings.impact();
    }

    @Override
    public List<String> targets() {
        return settings.target().map(List::of).orElse(List.of());
    }

    @Override
    public void perform(ActionContext context, Outcome outcome) throws Exception {
        outcome.object(settings.container().map(where -> where.container()).orElse(settings.dir().map(Object::toString).orElse("")));
        outcome.step("$ " + settings.display() + (settings.env().isEmpty() ? "" : " (env " + String.join(", ", settings.env().keySet()) + ")")
                + ", timeout " + Units.age(settings.timeout()));
        if (outcome.dryRun()) {
            outcome.plan("would run " + settings.display() + settings.container().map(where -> " in container " + where.container()).orElse(""));
            return;
        }
        CommandResult result;
        if (settings.container().isPresent()) {
            var where = settings.container().get();
            var docker = (DockerTarget) TargetsSection.named(context.config(), where.dockerTarget()).orElseThrow();
            try {
                result = ContainerCommand.run(docker.socket(), settings);
            } catch (ContainerCommand.Refused refused) {
                outcome.refuse(refused.getMessage() + "; nothing ran");
                return;
            }
        } else {
            result = LocalCommand.run(settings, context.environment());
        }
        var lines = result.output().lines().toList();
        lines.forEach(line -> outcome.step("> " + line));
        outcome.after(new Measurement("exit_code", result.exitCode(), "")).after(new Measurement("duration", result.took().toMillis(), "ms"));
        var summary = result.summary(settings.timeout());
        if (result.succeeded(settings.okExitCodes())) {
            outcome.succeed(summary);
            return;
        }
        var last = lines.stream().filter(line -> !line.isBlank()).reduce((first, second) -> second).map(line -> ": " + line).orElse("");
        outcome.fail(result.timedOut() ? summary + last : summary + " (accepted: " + settings.okExitCodes() + ")" + last);
    }
}
