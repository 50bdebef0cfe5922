package dev.tend.action;

import dev.tend.docker.DockerTarget;
import dev.tend.docker.Prune;
import dev.tend.target.TargetsSection;
import dev.tend.task.Impact;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code docker.prune TARGET [--volumes --approve] [--label KEY=VALUE]}: disruptive (a stopped
 * container may be one someone meant to start again), so it runs only in a window covering the
 * docker target. Unused volumes only with both --volumes and --approve.
 */
public final class DockerPruneActionType implements ActionType {

    @Override
    public List<String> names() {
        return List.of("docker.prune");
    }

    @Override
    public String usage(String name) {
        return "docker.prune DOCKER-TARGET [--volumes --approve] [--label KEY=VALUE]";
    }

    @Override
    public Action parse(String name, List<String> arguments, Lookup lookup) {
        var rest = new ArrayList<>(arguments);
        boolean volumes = rest.remove("--volumes");
        boolean approve = rest.remove("--approve");
        Optional<String> label = Optional.empty();
        int at = rest.indexOf("--label");
        if (at >= 0) {
            if (at + 1 >= rest.size()) throw new IllegalArgumentException("docker.prune: --label needs KEY=VALUE");
            label = Optional.of(rest.get(at + 1));
            rest.remove(at + 1);
            rest.remove(at);
        }
        if (rest.size() != 1) throw new IllegalArgumentException("docker.prune takes one docker target: " + usage(name));
        var target = lookup.targets().get(rest.getFirst());
        if (!(target instanceof DockerTarget)) {
            throw new IllegalArgumentException("docker.prune: " + (target == null ? "no target named '" + rest.getFirst() + "'" : "'" + rest.getFirst() + "' is not a docker target"));
        }
        if (volumes && !approve) throw new IllegalArgumentException("docker.prune: --volumes removes unused volumes and their data; add --approve to mean it");
        return new PruneAction(rest.getFirst(), volumes, label);
    }

    private record PruneAction(String target, boolean volumes, Optional<String> label) implements Action {
        @Override
        public String describe() {
            return "docker.prune " + target + (volumes ? " --volumes --approve" : "") + label.map(value -> " --label " + value).orElse("");
        }

        @Override
        public Impact impact() {
            return Impact.DISRUPTIVE;
        }

        @Override
        public List<String> targets() {
            return List.of(target);
        }

        @Override
        public ActionResult run(ActionContext context) throws Exception {
            var docker = (DockerTarget) TargetsSection.named(context.config(), target).orElseThrow();
            var outcome = Prune.run(docker.socket(), volumes, label, docker.settings().timeout().multipliedBy(12));
            return new ActionResult(true, "pruned " + String.join(", ", outcome.parts()) + ": " + dev.tend.check.Units.bytes(outcome.reclaimed()) + " reclaimed");
        }
    }
}
