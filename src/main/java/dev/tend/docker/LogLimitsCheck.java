package dev.tend.docker;

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
final class LogLimitsCheck extends EngineCheck {

    LogLimitsCheck(Path socket, CheckContext context) {
        super(socket, context);
    }

    @Override
    public String name() {
        return "log-limits";
    }

    @Override
    Verdict judge(DockerEngineClient client, Duration timeout) throws Exception {
        var list = client.get("/containers/json", timeout);
        if (!answered(list)) return unanswered(list);
        var unbounded = new ArrayList<String>();
        int running = 0;
        for (var container : list.body()) {
            running++;
            var inspect = client.get("/containers/" + container.path("Id").asString() + "/json", timeout);
            if (!answered(inspect)) continue; // gone since the list
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
