package dev.tend.docker;

import dev.tend.check.Check;
import dev.tend.check.CheckContext;
import dev.tend.target.Target;
import dev.tend.target.TargetSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A Docker engine reached over its Unix socket, and the containers that must be up. */
public record DockerTarget(TargetSettings settings, Path socket, List<String> containers) implements Target {

    /** The run's client for this engine. */
    static DockerEngineClient client(CheckContext context, Path socket) throws Exception {
        return context.shared("docker:" + socket, DockerEngineClient.class, () -> new DockerEngineClient(socket));
    }

    @Override
    public List<Check> checks(CheckContext context) {
        // All checks of this engine share one client for the run (see CheckContext.shared).
        var checks = new ArrayList<Check>();
        checks.add(new DockerEngineCheck(socket, context));
        containers.forEach(container -> checks.add(new ContainerCheck(socket, container, context)));
        return checks;
    }
}
