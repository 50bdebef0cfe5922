package dev.tend.docker;

import dev.tend.check.Check;
import dev.tend.check.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The engine answers on its socket: version, and how many containers run or stopped. */
final class DockerEngineCheck implements Check {
    private final Path socket;

    DockerEngineCheck(Path socket) {
        this.socket = socket;
    }

    @Override
    public String name() {
        return "engine";
    }

    @Override
    public Verdict run(Duration timeout) throws Exception {
        if (!Files.exists(socket)) {
            return Verdict.builder().crit("no Docker socket at " + socket + "; is dockerd running?");
        }
        try (var client = new DockerEngineClient(socket, timeout)) {
            var version = client.get("/version");
            var info = client.get("/info");
            if (version.status() != 200 || version.body() == null || info.body() == null) {
                return Verdict.builder().crit("the engine at " + socket + " answered HTTP " + version.status());
            }
            long running = info.body().path("ContainersRunning").asLong();
            long stopped = info.body().path("ContainersStopped").asLong();
            return Verdict.builder()
                    .measure("containers_running", running, "count")
                    .measure("containers_stopped", stopped, "count")
                    .ok("Docker " + version.body().path("Version").asString() + " (API " + version.body().path("ApiVersion").asString()
                            + ") answers on " + socket + ": " + running + " running, " + stopped + " stopped containers");
        }
    }
}
