package dev.tend.docker;

import dev.tend.check.Check;
import dev.tend.check.CheckContext;
import dev.tend.check.Status;
import dev.tend.check.Thresholds;
import dev.tend.check.Units;
import dev.tend.check.Verdict;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * {@code resources:NAME}: the runbooks' {@code docker stats} for one container — CPU share over the
 * engine's one-second sample, memory use against its limit (the page cache not counted, as docker
 * stats shows it), and whether the kernel killed it for lack of memory.
 */
final class ContainerResourcesCheck implements Check {
    private final Path socket;
    private final String container;
    private final CheckContext context;
    private final Thresholds cpu;
    private final Thresholds memory;

    ContainerResourcesCheck(Path socket, String container, CheckContext context, Thresholds cpu, Thresholds memory) {
        this.socket = socket;
        this.container = container;
        this.context = context;
        this.cpu = cpu;
        this.memory = memory;
    }

    @Override
    public String name() {
        return "resources:" + container;
    }

    @Override
    public Verdict run(Duration timeout) throws Exception {
        var problem = DockerTarget.socketProblem(socket);
        if (problem.isPresent()) return Verdict.builder().crit("cannot ask about " + container + ": " + problem.get());
        var client = DockerTarget.client(context, socket);
        var name = URLEncoder.encode(container, StandardCharsets.UTF_8);
        var inspected = client.get("/containers/" + name + "/json", timeout);
        if (inspected.status() == 404) return Verdict.builder().crit("no container named " + container);
        var state = inspected.body().path("State");
        var verdict = Verdict.builder().measure("restart_count", inspected.body().path("RestartCount").asLong(), "count");
        if (state.path("OOMKilled").asBoolean(false)) {
            return verdict.crit(container + " was killed for lack of memory (OOM) at " + state.path("FinishedAt").asString()
                    + "; raise its memory limit or find what grew");
        }
        if (!state.path("Running").asBoolean()) return verdict.crit(container + " is not running (" + state.path("Status").asString() + ")");
        // stream=false: the engine samples twice, a second apart, so precpu_stats is filled.
        var stats = client.get("/containers/" + name + "/stats?stream=false", timeout).body();
        double cpuPercent = cpuPercent(stats);
        var memoryStats = stats.path("memory_stats");
        long cache = memoryStats.path("stats").path("inactive_file").asLong(memoryStats.path("stats").path("cache").asLong(0));
        long used = Math.max(0, memoryStats.path("usage").asLong() - cache);
        long limit = memoryStats.path("limit").asLong();
        boolean limited = inspected.body().path("HostConfig").path("Memory").asLong(0) > 0;
        double memoryPercent = limit > 0 ? 100.0 * used / limit : 0;
        verdict.measure("cpu", cpuPercent, "%").measure("memory", used, "bytes").measure("memory_limit", limit, "bytes").measure("memory_used", memoryPercent, "%");
        var status = Status.worst(cpu.grade(cpuPercent), limited ? memory.grade(memoryPercent) : Status.OK);
        var reason = container + ": CPU " + Units.percent(cpuPercent) + ", memory " + Units.bytes(used)
                + (limited ? " of its " + Units.bytes(limit) + " limit (" + Units.percent(memoryPercent) + ")" : " (no memory limit set)");
        return verdict.verdict(status, reason + (status.isOk() ? "" : ", over its level"));
    }

    /** As docker stats computes it: the container's share of the host's CPU time in the sample, times the CPUs it may use. */
    static double cpuPercent(JsonNode stats) {
        var now = stats.path("cpu_stats");
        var before = stats.path("precpu_stats");
        double containerDelta = now.path("cpu_usage").path("total_usage").asDouble() - before.path("cpu_usage").path("total_usage").asDouble();
        double systemDelta = now.path("system_cpu_usage").asDouble() - before.path("system_cpu_usage").asDouble();
        int cpus = now.path("online_cpus").asInt(now.path("cpu_usage").path("percpu_usage").size());
        if (systemDelta <= 0 || containerDelta < 0) return 0;
        return containerDelta / systemDelta * Math.max(1, cpus) * 100.0;
    }
}
