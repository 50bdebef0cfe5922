package dev.tend.docker;

import dev.tend.check.CheckContext;
import dev.tend.check.Thresholds;
import dev.tend.check.Units;
import dev.tend.check.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * The runbooks' {@code docker system df}, from {@code /system/df}: what images, containers, volumes
 * and the build cache take, and what a prune could reclaim (images no container uses, stopped
 * containers, volumes no container mounts, build cache not in use), with levels on the latter.
 */
final class DiskUsageCheck extends EngineCheck {
    private final Thresholds reclaimable;

    DiskUsageCheck(Path socket, CheckContext context, Thresholds reclaimable) {
        super(socket, context);
        this.reclaimable = reclaimable;
    }

    @Override
    public String name() {
        return "disk-usage";
    }

    @Override
    Verdict judge(DockerEngineClient client, Duration timeout) throws Exception {
        var answer = client.get("/system/df", timeout);
        if (!answered(answer)) return unanswered(answer);
        var df = answer.body();
        long images = df.path("LayersSize").asLong();
        long imagesFree = sum(df.path("Images"), image -> image.path("Containers").asLong() == 0 ? Math.max(0, image.path("Size").asLong() - Math.max(0, image.path("SharedSize").asLong())) : 0);
        long containers = sum(df.path("Containers"), container -> container.path("SizeRw").asLong());
        long containersFree = sum(df.path("Containers"), container -> container.path("State").asString().equals("running") ? 0 : container.path("SizeRw").asLong());
        long volumes = sum(df.path("Volumes"), volume -> Math.max(0, volume.path("UsageData").path("Size").asLong()));
        long volumesFree = sum(df.path("Volumes"), volume -> volume.path("UsageData").path("RefCount").asLong() == 0 ? Math.max(0, volume.path("UsageData").path("Size").asLong()) : 0);
        long cache = sum(df.path("BuildCache"), entry -> entry.path("Size").asLong());
        long cacheFree = sum(df.path("BuildCache"), entry -> entry.path("InUse").asBoolean() || entry.path("Shared").asBoolean() ? 0 : entry.path("Size").asLong());
        long free = imagesFree + containersFree + volumesFree + cacheFree;
        var status = reclaimable.grade(free);
        var reason = "images " + Units.bytes(images) + ", containers " + Units.bytes(containers) + ", volumes " + Units.bytes(volumes) + ", build cache " + Units.bytes(cache)
                + "; reclaimable " + Units.bytes(free) + " (images " + Units.bytes(imagesFree) + ", stopped containers " + Units.bytes(containersFree) + ", unused volumes "
                + Units.bytes(volumesFree) + ", build cache " + Units.bytes(cacheFree) + ")"
                + (status.isOk() ? "" : "; " + status + " at " + Units.bytes((long) reclaimable.crossed(free)) + ": docker.prune frees all but the volumes");
        return Verdict.builder().measure("images", images, "B").measure("containers", containers, "B").measure("volumes", volumes, "B")
                .measure("build_cache", cache, "B").measure("reclaimable", free, "B").verdict(status, reason);
    }

    private static long sum(JsonNode array, java.util.function.ToLongFunction<JsonNode> each) {
        long total = 0;
        if (array != null && array.isArray()) for (var node : array) total += each.applyAsLong(node);
        return total;
    }

}
