package dev.tend.operations.containers;

import dev.tend.action.Action;
import dev.tend.action.ActionContext;
import dev.tend.action.ActionType;
import dev.tend.action.Arguments;
import dev.tend.action.Outcome;
import dev.tend.check.Measurement;
import dev.tend.check.Units;
import dev.tend.task.Impact;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code docker.restart TARGET [CONTAINER] [--stop-timeout 10s] [--settle 10s] [--timeout 5m]}: the
 * runbooks' {@code docker-compose restart}, graceful (TERM, then KILL after the stop timeout), and
 * done only when the container is healthy again, or, without a health check, has stayed up for
 * the settle time.
 */
public final class DockerRestartActionType implements ActionType {
    private static final String NAME = "docker.restart";

    @Override
    public List<String> names() {
        return List.of(NAME);
    }

    @Override
    public String usage(String name) {
        return NAME + " DOCKER-TARGET [CONTAINER] [--stop-timeout 10s] [--settle 10s] [--timeout 5m]";
    }

    @Override
    public Action parse(String name, List<String> words, Lookup lookup) {
        var arguments = Arguments.read(NAME, usage(name), words, java.util.Set.of(), Replacement.Timing.OPTIONS);
        return new Restart(ContainerArguments.read(arguments, lookup), Replacement.Timing.of(arguments));
    }

    private record Restart(ContainerArguments where, Replacement.Timing timing) implements ContainerOperation {
        @Override
        public String action() {
            return NAME;
        }

        @Override
        public String options() {
            return " " + where.container();
        }

        @Override
        public Impact impact() {
            return Impact.DISRUPTIVE;
        }

        @Override
        public void perform(ActionContext context, Outcome outcome, Engine engine, JsonNode container) throws Exception {
            var id = container.path("Id").asString();
            outcome.before(new Measurement("restart_count", container.path("RestartCount").asLong(), "count"))
                    .before(new Measurement("running", container.path("State").path("Running").asBoolean() ? 1 : 0, "bool"));
            var name = where.container();
            if (outcome.dryRun()) {
                outcome.step("stop " + name + " (up to " + Units.age(timing.stopGrace()) + "), start it, wait until "
                        + (container.path("State").has("Health") ? "healthy" : "it has run " + Units.age(timing.settle())));
                outcome.plan("would restart " + name + " (" + container.path("Config").path("Image").asString() + ")");
                return;
            }
            engine.stop(id, timing.stopGrace());
            outcome.step("stopped " + name);
            engine.start(id);
            outcome.step("started " + name);
            var ready = engine.awaitReady(id, timing.settle(), timing.ready());
            outcome.step(name + ": " + ready.description());
            var after = engine.inspectOrFail(id);
            outcome.after(new Measurement("restart_count", after.path("RestartCount").asLong(), "count"))
                    .after(new Measurement("running", after.path("State").path("Running").asBoolean() ? 1 : 0, "bool"));
            if (ready.ready()) outcome.succeed("restarted " + name + ": " + ready.description());
            else outcome.fail("restarted " + name + " but " + ready.description());
        }
    }
}
