package dev.tend.operations.containers;

import dev.tend.action.ActionContext;
import dev.tend.action.Outcome;
import dev.tend.action.TargetOperation;
import dev.tend.docker.DockerTarget;
import tools.jackson.databind.JsonNode;

/** What the docker.* operations share: their engine, and a refusal when the container is not there. */
interface ContainerOperation extends TargetOperation {

    ContainerArguments where();

    @Override
    default DockerTarget target() {
        return where().target();
    }

    /** Does the work with the engine and the container as inspected now. */
    void perform(ActionContext context, Outcome outcome, Engine engine, JsonNode container) throws Exception;

    @Override
    default void perform(ActionContext context, Outcome outcome) throws Exception {
        outcome.object(where().container());
        var unreachable = DockerTarget.socketProblem(target().socket());
        if (unreachable.isPresent()) {
            outcome.fail(unreachable.get());
            return;
        }
        try (var engine = new Engine(target().socket(), target().settings().timeout())) {
            var container = engine.inspect(where().container());
            if (container.isEmpty()) {
                outcome.refuse("no container named '" + where().container() + "' on " + target().name() + "; nothing done");
                return;
            }
            perform(context, outcome, engine, container.get());
        }
    }

    /** "sha256:0123456789ab…" as docker prints it: the first 12 hex digits. */
    static String shortId(String id) {
        var hex = id.startsWith("sha256:") ? id.substring(7) : id;
        return hex.substring(0, Math.min(12, hex.length()));
    }
}
