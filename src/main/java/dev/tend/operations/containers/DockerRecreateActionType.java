package dev.tend.operations.containers;

import dev.tend.action.Action;
import dev.tend.action.ActionContext;
import dev.tend.action.ActionType;
import dev.tend.action.Arguments;
import dev.tend.action.Outcome;
import dev.tend.task.Impact;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * {@code docker.recreate TARGET [CONTAINER] [--image IMAGE]} and {@code docker.update TARGET
 * [CONTAINER] [--image IMAGE]}: the runbooks' {@code up -d --force-recreate} and their image update
 * as one guarded task. An update first keeps the running image as {@code CONTAINER:backup-YYYYMMDD},
 * takes the new image (--image, or a pull of the image the container was started from), replaces
 * the container, waits until it is healthy, and when it is not, puts the old container back and
 * says so. A recreate is the same without the backup tag and the pull.
 */
public final class DockerRecreateActionType implements ActionType {

    @Override
    public List<String> names() {
        return List.of("docker.recreate", "docker.update");
    }

    @Override
    public String usage(String name) {
        return name + " DOCKER-TARGET [CONTAINER] [--image IMAGE] [--stop-timeout 10s] [--settle 10s] [--timeout 5m]";
    }

    @Override
    public Action parse(String name, List<String> words, Lookup lookup) {
        var options = new java.util.HashSet<>(Replacement.Timing.OPTIONS);
        options.add("--image");
        var arguments = Arguments.read(name, usage(name), words, Set.of(), options);
        return new Recreate(name, ContainerArguments.read(arguments, lookup), arguments.option("--image"), Replacement.Timing.of(arguments));
    }

    private record Recreate(String action, ContainerArguments where, Optional<String> image, Replacement.Timing timing) implements ContainerOperation {
        @Override
        public String options() {
            return " " + where.container() + image.map(value -> " --image " + value).orElse("");
        }

        @Override
        public Impact impact() {
            return Impact.DISRUPTIVE;
        }

        private boolean update() {
            return action.equals("docker.update");
        }

        @Override
        public void perform(ActionContext context, Outcome outcome, Engine engine, JsonNode container) throws Exception {
            var name = where.container();
            var runningImage = container.path("Image").asString();
            var configured = container.path("Config").path("Image").asString();
            outcome.step(name + " runs " + configured + " (" + ContainerOperation.shortId(runningImage) + ")");
            var backup = where.repository() + ":" + BackupTags.today(context);
            var wanted = image.orElse(update() ? configured : runningImage);
            if (outcome.dryRun()) {
                if (update()) outcome.step("tag " + ContainerOperation.shortId(runningImage) + " as " + backup);
                if (update() && image.isEmpty()) outcome.step("pull " + configured);
                outcome.step("stop " + name + ", create it again with the same configuration on " + wanted + ", start it, wait until ready;"
                        + " if it is not, put the old container back");
                outcome.plan("would " + (update() ? "update" : "recreate") + " " + name + " on " + wanted);
                return;
            }
            if (update()) {
                engine.tag(runningImage, where.repository(), BackupTags.today(context));
                outcome.step("kept the running image as " + backup);
                if (image.isEmpty()) {
                    engine.pull(configured);
                    outcome.step("pulled " + configured);
                }
            }
            var target = engine.image(wanted).orElse(null);
            if (target == null) {
                outcome.refuse("the engine has no image " + wanted + " (pull or load it first); " + name + " was not touched");
                return;
            }
            var targetId = target.path("Id").asString();
            if (update() && targetId.equals(runningImage)) {
                outcome.succeed(name + " already runs " + wanted + " (" + ContainerOperation.shortId(targetId) + "); nothing to update");
                return;
            }
            var result = Replacement.run(engine, name, wanted, timing, outcome);
            if (result.replaced()) {
                outcome.succeed((update() ? "updated " : "recreated ") + name + " on " + wanted + " (" + ContainerOperation.shortId(targetId) + ")"
                        + (update() ? "; the previous image is " + backup : ""));
            } else {
                outcome.fail((update() ? "update" : "recreate") + " of " + name + " to " + wanted + " failed (" + result.failure() + "); rolled back: "
                        + result.restored());
            }
        }
    }
}
