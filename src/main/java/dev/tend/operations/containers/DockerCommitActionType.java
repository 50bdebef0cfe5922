package dev.tend.operations.containers;

import dev.tend.action.Action;
import dev.tend.action.ActionContext;
import dev.tend.action.ActionType;
import dev.tend.action.Arguments;
import dev.tend.action.Outcome;
import dev.tend.task.Impact;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * {@code docker.commit TARGET [CONTAINER] [--tag TAG]}: the runbook's "docker commit" of the running
 * app before an update, as image {@code CONTAINER:TAG} (default {@code backup-YYYYMMDD} in the
 * platform's time zone). The container is paused for the moment of the commit.
 */
public final class DockerCommitActionType implements ActionType {
    private static final String NAME = "docker.commit";

    @Override
    public List<String> names() {
        return List.of(NAME);
    }

    @Override
    public String usage(String name) {
        return NAME + " DOCKER-TARGET [CONTAINER] [--tag backup-YYYYMMDD]";
    }

    @Override
    public Action parse(String name, List<String> words, Lookup lookup) {
        var arguments = Arguments.read(NAME, usage(name), words, Set.of(), Set.of("--tag"));
        var tag = arguments.option("--tag");
        if (tag.isPresent() && !tag.get().matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")) throw arguments.problem("'" + tag.get() + "' is not a valid image tag");
        return new Commit(ContainerArguments.read(arguments, lookup), tag);
    }

    private record Commit(ContainerArguments where, java.util.Optional<String> tag) implements ContainerOperation {
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
            return Impact.ONLINE;
        }

        @Override
        public void perform(ActionContext context, Outcome outcome, Engine engine, JsonNode container) throws Exception {
            var chosen = tag.orElseGet(() -> BackupTags.today(context));
            var image = where.repository() + ":" + chosen;
            if (outcome.dryRun()) {
                outcome.step("commit " + where.container() + " as " + image + " (paused for the moment of the commit)");
                outcome.plan("would commit " + where.container() + " as " + image);
                return;
            }
            var id = engine.commit(where.container(), where.repository(), chosen);
            outcome.step("committed " + where.container() + " as " + image + " (" + ContainerOperation.shortId(id) + ")");
            outcome.succeed("committed " + where.container() + " as " + image);
        }
    }
}
