package dev.tend.docker;

import dev.tend.check.CheckContext;
import dev.tend.check.Verdict;
import java.nio.file.Path;
import java.time.Duration;

/** The engine answers on its socket: version, and how many containers run or stopped. */
final class DockerEngineCheck extends EngineCheck {

    DockerEngineCheck(Path socket, CheckContext context) {
        super(socket, context);
    }

    @Override
    public String name() {
        return "engine";
    }

    @Override
    Verdict judge(DockerEngineClient client, Duration timeout) throws Exception {
        var version = client.get("/version", timeout);
        var info = client.get("/info", timeout);
        for (var answer : new DockerEngineClient.Answer[] {version, info}) {
            if (!answered(answer)) return unanswered(answer);
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
