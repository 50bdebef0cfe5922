package dev.tend.operations.containers;

import dev.tend.action.ActionType;
import dev.tend.action.Arguments;
import dev.tend.docker.DockerTarget;

/** {@code docker.* TARGET [CONTAINER]}: the docker target, and the container (optional when the target watches exactly one). */
record ContainerArguments(DockerTarget target, String container) {

    static ContainerArguments read(Arguments arguments, ActionType.Lookup lookup) {
        var words = arguments.positional();
        if (words.isEmpty() || words.size() > 2) throw arguments.problem("takes a docker target and a container");
        var docker = arguments.target(0, lookup, DockerTarget.class, "docker");
        if (words.size() == 2) return new ContainerArguments(docker, words.get(1));
        if (docker.containers().size() == 1) return new ContainerArguments(docker, docker.containers().getFirst());
        throw arguments.problem("name the container (" + docker.name() + " watches " + (docker.containers().isEmpty() ? "none"
                : String.join(", ", docker.containers())) + ")");
    }

    /** An image repository named after the container ("scgraph-hub-app"), for its backup tags. */
    String repository() {
        var name = container.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "-").replaceAll("^[^a-z0-9]+", "");
        return name.isEmpty() ? "container" : name;
    }
}
