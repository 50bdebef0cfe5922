package dev.tend.docker;

import dev.tend.check.Check;
import dev.tend.check.CheckContext;
import dev.tend.target.Target;
import dev.tend.target.TargetSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A Docker engine reached over its Unix socket, and the containers that must be up. */
public record DockerTarget(TargetSettings settings, Path socket, List<String> containers, dev.tend.check.Thresholds reclaimable,
        dev.tend.check.Thresholds containerCpu, dev.tend.check.Thresholds containerMemory) implements Target {

    /** The run's client for this engine. */
    static DockerEngineClient client(CheckContext context, Path socket) throws Exception {
        return context.shared("docker:" + socket, DockerEngineClient.class, () -> new DockerEngineClient(socket));
    }

    /** Why nothing can be asked at {@code socket}: it is missing, or a file or directory rather than a socket. */
    public static Optional<String> socketProblem(Path socket) {
        try {
            var attributes = Files.readAttributes(socket, BasicFileAttributes.class);
            if (attributes.isOther()) return Optional.empty(); // a socket (Java has no finer word for it)
            return Optional.of(socket + " is a " + (attributes.isDirectory() ? "directory" : "regular file")
                    + ", not a socket; set socket: to the path dockerd listens on");
        } catch (java.io.IOException missing) {
            return Optional.of("no Docker socket at " + socket + "; is dockerd running?");
        }
    }

    @Override
    public List<Check> checks(CheckContext context) {
        // All checks of this engine share one client for the run (see CheckContext.shared).
        var checks = new ArrayList<Check>();
        checks.add(new DockerEngineCheck(socket, context));
        checks.add(new LogLimitsCheck(socket, context));
        checks.add(new DiskUsageCheck(socket, context, reclaimable));
        containers.forEach(container -> checks.add(new ContainerCheck(socket, container, context)));
        containers.forEach(container -> checks.add(new ContainerResourcesCheck(socket, container, context, containerCpu, containerMemory)));
        return checks;
    }
}
