package dev.tend.docker;

import dev.tend.check.Check;
import dev.tend.check.CheckContext;
import dev.tend.check.Status;
import dev.tend.check.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;

/**
 * The runbooks' daemon.json with {@code max-size 10m, max-file 3}: every running container whose
 * logs go to json-file without a max-size grows its log until the disk is full. (The local driver
 * rotates by default; journald, syslog and the others keep nothing on the container's disk.) The
 * setting only reaches containers created after it, so the finding names them.
 */
final class LogLimitsCheck implements Check {
    private final Path socket;
    private final CheckContext context;

    LogLimitsCheck(Path socket, CheckContext context) {
        this.socket = socket;
        this.context = context;
    }

    @Override
    public String name() {
        return "log-limits";
    }

    @Override
    public Verdict run(Duration timeout) throws Exception {
        var problem = DockerTarget.socketProblem(socket);
        if (problem.isPresent()) return Verdict.builder().crit(problem.get());
        var client = DockerTarget.client(context, socket);
        var list = client.get("/containers/json", timeout);
        if (list.status() != 200 || list.body() == null) return Verdict.builder().crit("the engine at " + socket + " answered HTTP " + list.status());
        var unbounded = new ArrayList<String>();
        int running = 0;
        for (var container : list.body()) {
            running++;
            var inspect = client.get("/containers/" + container.path("Id").asString() + "/json", timeout);
            if (inspect.status() != 200 || inspect.body() == null) continue; // gone since the list
            var log = inspect.body().path("HostConfig").path("LogConfig");
            if (log.path("Type").asString().equals("json-file") && log.path("Config").path("max-size").asString("").isEmpty()) {
                unbounded.add(inspect.body().path("Name").asString().replaceFirst("^/", ""));
            }
        }
        var builder = Verdict.builder().measure("unbounded_logs", unbounded.size(), "count");
        if (unbounded.isEmpty()) return builder.ok("all " + running + " running containers keep bounded logs");
        unbounded.sort(String::compareTo);
        return builder.verdict(Status.WARN, unbounded.size() + " of " + running + " running containers write json-file logs without max-size: "
                + String.join(", ", unbounded) + " (set log-opts max-size and max-file in /etc/docker/daemon.json, then recreate them: it applies to new containers only)");
    }
}
