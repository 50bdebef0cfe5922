package dev.tend.nginx;

import dev.tend.action.Action;
import dev.tend.action.ActionContext;
import dev.tend.action.ActionType;
import dev.tend.action.Arguments;
import dev.tend.action.Outcome;
import dev.tend.action.TargetOperation;
import dev.tend.task.Impact;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code nginx.test TARGET} and {@code nginx.reload TARGET}: the runbooks' {@code nginx -t} and
 * {@code nginx -s reload}. A reload is always preceded by the test and does not happen when the
 * test fails (a reload of a broken configuration is refused by nginx's master anyway, but silently
 * in its error log: the test says why, here).
 */
public final class NginxActionType implements ActionType {

    @Override
    public List<String> names() {
        return List.of("nginx.test", "nginx.reload");
    }

    @Override
    public String usage(String name) {
        return name + " NGINX-TARGET";
    }

    @Override
    public Action parse(String name, List<String> words, Lookup lookup) {
        var arguments = Arguments.read(name, usage(name), words, Set.of(), Set.of());
        arguments.positional(1);
        return new NginxAction(name, arguments.target(0, lookup, NginxTarget.class, "nginx"));
    }

    /** Tests, and for nginx.reload then reloads. Used by tls.renew for its reload as well. */
    public record NginxAction(String action, NginxTarget target) implements TargetOperation {
        @Override
        public Impact impact() {
            return Impact.ONLINE;
        }

        @Override
        public void perform(ActionContext context, Outcome outcome) throws Exception {
            boolean reload = action.equals("nginx.reload");
            if (!reload) {
                var test = test(context, target, outcome);
                if (test.passed()) outcome.succeed(test.verdict()); else outcome.fail("nginx -t failed: " + test.verdict());
                return;
            }
            var failure = testAndReload(context, target, outcome);
            if (failure.isPresent()) outcome.fail(failure.get());
            else if (outcome.dryRun()) outcome.plan("the configuration tests fine; would reload");
            else outcome.succeed("configuration ok; reloaded (new workers take the new configuration, open connections finish on the old)");
        }
    }

    /** What nginx -t said. */
    public record Test(boolean passed, String verdict) {}

    public static Test test(ActionContext context, NginxTarget target, Outcome outcome) throws Exception {
        var result = target.run(context.config(), List.of("-t"), timeout(target));
        result.output().lines().filter(line -> !line.isBlank()).forEach(line -> outcome.step("> " + line));
        return new Test(result.succeeded(Set.of(0)), NginxTarget.summary(result));
    }

    /** nginx -t, then (unless a dry run) nginx -s reload; why it did not reload, if it did not. */
    public static java.util.Optional<String> testAndReload(ActionContext context, NginxTarget target, Outcome outcome) throws Exception {
        var test = test(context, target, outcome);
        if (!test.passed()) return java.util.Optional.of("nginx -t failed: " + test.verdict() + "; not reloaded, the running configuration stays");
        if (outcome.dryRun()) {
            outcome.step("nginx -s reload");
            return java.util.Optional.empty();
        }
        var signal = target.run(context.config(), List.of("-s", "reload"), timeout(target));
        signal.output().lines().filter(line -> !line.isBlank()).forEach(line -> outcome.step("> " + line));
        if (!signal.succeeded(Set.of(0))) return java.util.Optional.of("nginx -s reload failed: " + NginxTarget.summary(signal));
        outcome.step("nginx -s reload: sent");
        return java.util.Optional.empty();
    }

    private static Duration timeout(NginxTarget target) {
        return target.settings().timeout().plus(Duration.ofSeconds(20));
    }
}
