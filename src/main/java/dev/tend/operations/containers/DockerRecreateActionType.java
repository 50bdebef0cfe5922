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
        return name + " DOCKER-TARGET [CONTAINER] [--image IMAGE] [--verify TARGET,...] [--stop-timeout 10s] [--settle 10s] [--timeout 5m]";
    }

    @Override
    public Action parse(String name, List<String> words, Lookup lookup) {
        var options = new java.util.HashSet<>(Replacement.Timing.OPTIONS);
        options.add("--image");
        options.add("--verify");
        var arguments = Arguments.read(name, usage(name), words, Set.of(), options);
        var verify = arguments.option("--verify").map(list -> List.of(list.split(","))).orElse(List.of());
        for (var target : verify) {
            if (!lookup.targets().containsKey(target)) throw arguments.problem("--verify: no target named '" + target + "'");
        }
        return new Recreate(name, ContainerArguments.read(arguments, lookup), arguments.option("--image"), verify, Replacement.Timing.of(arguments));
    }

    private record Recreate(String action, ContainerArguments where, Optional<String> image, List<String> verify, Replacement.Timing timing)
            implements ContainerOperation {
        @Override
        public String options() {
            return " " + where.container() + image.map(value -> " --image " + value).orElse("") + (verify.isEmpty() ? "" : " --verify " + String.join(",", verify));
        }

        /** The checks of the --verify targets, run once the new container is ready: the first that is not OK, if any. */
        private Replacement.Verification verification(ActionContext context) {
            return () -> {
                if (verify.isEmpty()) return Optional.empty();
                var targets = verify.stream().map(name -> dev.tend.target.TargetsSection.named(context.config(), name).orElseThrow()).toList();
                var results = new dev.tend.check.CheckService(context.clock()).runAndRecord(context.config(), targets, context.store(), result -> { });
                return results.stream().filter(result -> !result.status().isOk()).findFirst()
                        .map(result -> result.target() + "/" + result.check() + " " + result.status() + " — " + result.reason());
            };
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
                outcome.step("stop " + name + ", create it again with the same configuration on " + wanted + ", start it, wait until ready"
                        + (verify.isEmpty() ? "" : " and " + String.join(", ", verify) + " pass their checks") + "; if not, put the old container back");
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
            var result = Replacement.run(engine, name, wanted, timing, outcome, verification(context));
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
