package dev.tend.docker;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The runbooks' {@code docker system prune}, through the Engine API: stopped containers, dangling
 * images, the build cache — and unused volumes only when asked twice (their data goes with them).
 * A label narrows every part to what carries it.
 */
public final class Prune {
    private Prune() {}

    /** What went: a line per part, and the bytes reclaimed in all. */
    public record Outcome(List<String> parts, long reclaimed) {}

    public static Outcome run(Path socket, boolean volumes, Optional<String> label, Duration timeout) throws Exception {
        var filters = label.map(value -> "?filters=" + URLEncoder.encode("{\"label\":[\"" + value.replace("\"", "") + "\"]}", StandardCharsets.UTF_8)).orElse("");
        var volumeFilters = URLEncoder.encode("{\"all\":[\"true\"]" + label.map(value -> ",\"label\":[\"" + value.replace("\"", "") + "\"]").orElse("") + "}",
                StandardCharsets.UTF_8);
        var parts = new ArrayList<String>();
        long reclaimed = 0;
        try (var client = new DockerEngineClient(socket)) {
            reclaimed += part(client, "/containers/prune" + filters, "ContainersDeleted", "stopped containers", timeout, parts);
            reclaimed += part(client, "/images/prune" + filters, "ImagesDeleted", "dangling images", timeout, parts);
            reclaimed += part(client, "/build/prune" + filters, "CachesDeleted", "build cache entries", timeout, parts);
            if (volumes) reclaimed += part(client, "/volumes/prune?filters=" + volumeFilters, "VolumesDeleted", "unused volumes", timeout, parts);
        }
        return new Outcome(List.copyOf(parts), reclaimed);
    }

    private static long part(DockerEngineClient client, String path, String deletedField, String what, Duration timeout, List<String> parts) throws Exception {
        var answer = client.post(path, timeout);
        if (answer.status() != 200 || answer.body() == null) throw new IllegalStateException("the engine answered HTTP " + answer.status() + " to " + path);
        var deleted = answer.body().path(deletedField);
        long count = deleted.isArray() ? deleted.size() : 0;
        long bytes = answer.body().path("SpaceReclaimed").asLong();
        parts.add(count + " " + what + " (" + dev.tend.check.Units.bytes(bytes) + ")");
        return bytes;
    }
}
