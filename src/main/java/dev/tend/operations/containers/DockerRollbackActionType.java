package dev.tend.operations.containers;

import dev.tend.action.Action;
import dev.tend.action.ActionContext;
import dev.tend.action.ActionType;
import dev.tend.action.Arguments;
import dev.tend.action.Outcome;
import dev.tend.task.Impact;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * {@code docker.rollback TARGET [CONTAINER] [--tag backup-YYYYMMDD]}: the container again on an
 * image an update kept (the newest {@code backup-*} tag unless one is named), with the same
 * configuration, and the same guard: if the restored one is not ready, the current one comes back.
 */
public final class DockerRollbackActionType implements ActionType {
    private static final String NAME = "docker.rollback";

    @Override
    public List<String> names() {
        return List.of(NAME);
    }

    @Override
    public String usage(String name) {
        return NAME + " DOCKER-TARGET [CONTAINER] [--tag backup-YYYYMMDD] [--stop-timeout 10s] [--settle 10s] [--timeout 5m]";
    }

    @Override
    public Action parse(String name, List<String> words, Lookup lookup) {
        var options = new java.util.HashSet<>(Replacement.Timing.OPTIONS);
        options.add("--tag");
        var arguments = Arguments.read(NAME, usage(name), words, java.util.Set.of(), options);
        return new Rollback(ContainerArguments.read(arguments, lookup), arguments.option("--tag"), Replacement.Timing.of(arguments));
    }

    private record Rollback(ContainerArguments where, Optional<String> tag, Replacement.Timing timing) implements ContainerOperation {
        @Override
        public String action() {
            return NAME;
        }

        @Override
        public String options() {
            return " " + where.container() + tag.map(value -> " --tag " + value).orElse("");
        }

        @Override
        public Impact impact() {
            return Impact.DISRUPTIVE;
        }

        @Override
        public void perform(ActionContext context, Outcome outcome, Engine engine, JsonNode container) throws Exception {
            var chosen = tag.isPresent() ? tag : BackupTags.newest(engine, where.repository());
            if (chosen.isEmpty()) {
                outcome.refuse("no backup image of " + where.container() + " (" + where.repository() + ":backup-*): nothing to roll back to");
                return;
            }
            var image = where.repository() + ":" + chosen.get();
            if (engine.image(image).isEmpty()) {
                outcome.refuse("the engine has no image " + image);
                return;
            }
            if (outcome.dryRun()) {
                outcome.step("stop " + where.container() + ", create it again on " + image + ", wait until ready; if it is not, put the current one back");
                outcome.plan("would roll " + where.container() + " back to " + image);
                return;
            }
            var result = Replacement.run(engine, where.container(), image, timing, outcome);
            if (result.replaced()) outcome.succeed("rolled " + where.container() + " back to " + image);
            else outcome.fail("roll back of " + where.container() + " to " + image + " failed (" + result.failure() + "); " + result.restored());
        }
    }
}
