package dev.tend.prometheus;

import dev.tend.action.Action;
import dev.tend.action.ActionContext;
import dev.tend.action.ActionType;
import dev.tend.action.Arguments;
import dev.tend.action.Outcome;
import dev.tend.action.TargetOperation;
import dev.tend.check.Measurement;
import dev.tend.command.CommandResult;
import dev.tend.command.CommandSettings;
import dev.tend.command.ContainerCommand;
import dev.tend.command.LocalCommand;
import dev.tend.docker.DockerEngineClient;
import dev.tend.docker.DockerTarget;
import dev.tend.target.TargetsSection;
import dev.tend.task.Impact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code prometheus.check-config TARGET} (the runbooks' {@code promtool check config}) and
 * {@code prometheus.reload TARGET}: the check first, then POST /-/reload when the lifecycle API is
 * on, else SIGHUP to its container through the Engine API; done when
 * {@code prometheus_config_last_reload_success_timestamp_seconds} has moved.
 */
public final class PrometheusActionType implements ActionType {
    private static final String LAST_RELOAD = "prometheus_config_last_reload_success_timestamp_seconds";
    private static final List<Path> PROMTOOL = List.of(Path.of("/usr/bin/promtool"), Path.of("/usr/local/bin/promtool"), Path.of("/bin/promtool"));

    @Override
    public List<String> names() {
        return List.of("prometheus.check-config", "prometheus.reload");
    }

    @Override
    public String usage(String name) {
        return name + " PROMETHEUS-TARGET";
    }

    @Override
    public Action parse(String name, List<String> words, Lookup lookup) {
        var arguments = Arguments.read(name, usage(name), words, Set.of(), Set.of());
        arguments.positional(1);
        return new PrometheusAction(name, arguments.target(0, lookup, PrometheusTarget.class, "prometheus"));
    }

    private record PrometheusAction(String action, PrometheusTarget target) implements TargetOperation {
        @Override
        public Impact impact() {
            return Impact.ONLINE;
        }

        @Override
        public void perform(ActionContext context, Outcome outcome) throws Exception {
            boolean reload = action.equals("prometheus.reload");
            var checked = checkConfig(context, outcome);
            if (checked.isPresent() && !checked.get()) {
                outcome.fail("promtool check config failed" + (reload ? "; not reloaded, the running configuration stays" : ""));
                return;
            }
            if (!reload) {
                if (checked.isEmpty()) outcome.refuse("nothing to check with: " + why());
                else outcome.succeed("promtool: the configuration is valid");
                return;
            }
            var timeout = target.settings().timeout();
            var before = target.query(LAST_RELOAD, timeout);
            before.ifPresent(value -> outcome.before(new Measurement("last_reload", value, "s")));
            if (outcome.dryRun()) {
                outcome.step("POST /-/reload (or SIGHUP to its container)");
                outcome.plan("would reload" + (checked.isEmpty() ? " (no promtool check: " + why() + ")" : ""));
                return;
            }
            var answer = target.send("POST", "/-/reload", timeout.plusSeconds(30));
            if (answer.statusCode() == 200) {
                outcome.step("POST /-/reload: 200");
            } else if (target.container().isPresent()) {
                outcome.step("POST /-/reload: " + answer.statusCode() + " (" + answer.body().strip() + "); SIGHUP to container " + target.container().get().container());
                hangUp(context);
            } else {
                outcome.fail("POST /-/reload answered " + answer.statusCode() + " (" + answer.body().strip() + "): start Prometheus with "
                        + "--web.enable-lifecycle, or give the target its container: to signal");
                return;
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            var after = target.query(LAST_RELOAD, timeout);
            while (after.equals(before) && System.nanoTime() < deadline) {
                Thread.sleep(200);
                after = target.query(LAST_RELOAD, timeout);
            }
            after.ifPresent(value -> outcome.after(new Measurement("last_reload", value, "s")));
            var ok = target.query("prometheus_config_last_reload_successful", timeout).orElse(0.0);
            if (after.equals(before) || ok != 1.0) {
                outcome.fail("Prometheus did not load the configuration (prometheus_config_last_reload_successful " + ok.intValue()
                        + "); its log says why");
                return;
            }
            outcome.succeed("reloaded; configuration loaded at " + java.time.Instant.ofEpochSecond(after.get().longValue()));
        }

        /** promtool on the config: passed, failed, or empty when there is nothing to run it with. */
        private Optional<Boolean> checkConfig(ActionContext context, Outcome outcome) throws Exception {
            if (target.config().isEmpty()) return Optional.empty();
            var config = target.config().get().toString();
            CommandResult result;
            if (target.container().isPresent()) {
                var where = target.container().get();
                var docker = (DockerTarget) TargetsSection.named(context.config(), where.dockerTarget()).orElseThrow();
                result = ContainerCommand.run(docker.socket(), command(List.of("promtool", "check", "config", config)));
            } else {
                var promtool = PROMTOOL.stream().filter(Files::isExecutable).findFirst();
                if (promtool.isEmpty()) return Optional.empty();
                result = LocalCommand.run(command(List.of(promtool.get().toString(), "check", "config", config)), context.environment());
            }
            outcome.step("$ promtool check config " + config);
            result.output().lines().filter(line -> !line.isBlank()).forEach(line -> outcome.step("> " + line.strip()));
            return Optional.of(result.succeeded(Set.of(0)));
        }

        private String why() {
            if (target.config().isEmpty()) return "the target has no config: (its prometheus.yml)";
            return "promtool is not installed here (Debian: apt-get install prometheus), and the target has no container: to run it in";
        }

        private CommandSettings command(List<String> argv) {
            return new CommandSettings(argv, false, Optional.empty(), Map.of(), target.settings().timeout().plusSeconds(30), Set.of(0), Impact.ONLINE,
                    Optional.of(target.name()), 32 * 1024, target.container());
        }

        private void hangUp(ActionContext context) throws Exception {
            var where = target.container().orElseThrow();
            var docker = (DockerTarget) TargetsSection.named(context.config(), where.dockerTarget()).orElseThrow();
            try (var client = new DockerEngineClient(docker.socket())) {
                var answer = client.post("/containers/" + java.net.URLEncoder.encode(where.container(), java.nio.charset.StandardCharsets.UTF_8)
                        + "/kill?signal=HUP", target.settings().timeout());
                if (answer.status() != 204) throw new IllegalStateException("SIGHUP to " + where.container() + ": the engine answered HTTP " + answer.status());
            }
        }
    }
}
