package dev.tend.command;

import dev.tend.check.Check;
import dev.tend.check.CheckContext;
import dev.tend.check.Status;
import dev.tend.check.Verdict;
import dev.tend.target.Target;
import dev.tend.target.TargetSettings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** A command whose run is the check: its exit code, then its output conditions. */
public record CommandTarget(TargetSettings settings, CommandSettings command, Set<Integer> warnExitCodes, Optional<String> outputContains,
        Optional<String> outputNotContains, Optional<Pattern> outputMatches) implements Target {

    @Override
    public List<Check> checks(CheckContext context) {
        return List.of(new Check() {
            @Override
            public String name() {
                return "exit";
            }

            @Override
            public Verdict run(Duration timeout) throws Exception {
                var result = LocalCommand.run(command.withTimeout(timeout), System::getenv);
                var verdict = Verdict.builder().measure("exit_code", result.exitCode(), "").measure("duration", result.took().toMillis(), "ms");
                var last = result.output().lines().filter(line -> !line.isBlank()).reduce((first, second) -> second).map(line -> ": " + line).orElse("");
                var what = command.display() + " ";
                if (result.timedOut()) return verdict.crit(what + result.summary(timeout) + last);
                Status status = command.okExitCodes().contains(result.exitCode()) ? Status.OK
                        : warnExitCodes.contains(result.exitCode()) ? Status.WARN : Status.CRIT;
                if (status != Status.OK) return verdict.verdict(status, what + "exited " + result.exitCode() + last);
                if (outputContains.isPresent() && !result.output().contains(outputContains.get())) {
                    return verdict.crit(what + "exited 0 but its output lacks \"" + outputContains.get() + "\"" + last);
                }
                if (outputNotContains.isPresent() && result.output().contains(outputNotContains.get())) {
                    var line = result.output().lines().filter(text -> text.contains(outputNotContains.get())).findFirst().orElse("");
                    return verdict.crit(what + "exited 0 but its output contains \"" + outputNotContains.get() + "\": " + line.strip());
                }
                if (outputMatches.isPresent() && result.output().lines().noneMatch(line -> outputMatches.get().matcher(line).find())) {
                    return verdict.crit(what + "exited 0 but no line of its output matches /" + outputMatches.get().pattern() + "/" + last);
                }
                return verdict.ok(what + result.summary(timeout) + last);
            }
        });
    }
}
