package dev.tend.docker;

import dev.tend.check.Check;
import dev.tend.check.CheckContext;
import dev.tend.check.Verdict;
import java.nio.file.Path;
import java.time.Duration;

/** The engine answers on its socket: version, and how many containers run or stopped. */
final class DockerEngineCheck implements Check {
    private final Path socket;
    private final CheckContext context;

    DockerEngineCheck(Path socket, CheckContext context) {
        this.socket = socket;
        this.context = context;
    }

    @Override
    public String name() {
        return "engine";
    }

    @Override
    public Verdict run(Duration timeout) throws Exception {
        var problem = DockerTarget.socketProblem(socket);
        if (problem.isPresent()) return Verdict.builder().crit(problem.get());
        var client = DockerTarget.client(context, socket);
        var version = client.get("/version", timeout);
        var info = client.get("/info", timeout);
        for (var answer : new DockerEngineClient.Answer[] {version, info}) {
            if (answer.status() != 200 || answer.body() == null) {
                return Verdict.builder().crit("the engine at " + socket + " answered HTTP " + answer.status());
            }
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
