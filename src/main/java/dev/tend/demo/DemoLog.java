package dev.tend.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;

/**
 * The demo API's log of the last hour, as a FastAPI backend writes JSON lines: requests with their
 * durations (a few slow), database timeouts, missing molecules, one out-of-memory — what
 * {@code tend logs analyze api} is for. Seeded, so each run tells the same story.
 */
final class DemoLog {
    private DemoLog() {}

    static void write(Path file, Instant now) throws IOException {
        Files.createDirectories(file.getParent());
        var random = new Random(11);
        var text = new StringBuilder();
        var start = now.minusSeconds(3600);
        for (int index = 0; index < 600; index++) {
            var at = start.plusMillis(index * 6000L + random.nextInt(5000)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            int roll = random.nextInt(100);
            if (roll < 3) {
                line(text, at, "error", "Database connection failed: timeout after " + (5 + random.nextInt(25)) + "s to 127.0.0.1:5432", null);
            } else if (roll < 5) {
                line(text, at, "error", "Molecule " + random.nextInt(100_000) + " not found in the index", null);
            } else if (index == 420) {
                line(text, at, "critical", "MemoryError: Unable to allocate 2.1 GiB for fingerprints of batch " + random.nextInt(999), null);
            } else {
                var path = switch (random.nextInt(3)) {
                    case 0 -> "/api/v1/molecules/" + random.nextInt(5000);
                    case 1 -> "/api/v1/search?q=C" + random.nextInt(20);
                    default -> "/health";
                };
                // Searches are the slow ones: now and then over a second.
                long millis = path.startsWith("/api/v1/search") && random.nextInt(10) == 0 ? 1000 + random.nextInt(2500) : 2 + random.nextInt(180);
                line(text, at, "info", "request", "\"method\":\"GET\",\"path\":\"" + path + "\",\"status\":" + (random.nextInt(50) == 0 ? 500 : 200)
                        + ",\"duration_ms\":" + millis);
            }
        }
        Files.writeString(file, text);
    }

    private static void line(StringBuilder text, Instant at, String level, String message, String request) {
        text.append("{\"time\":\"").append(at).append("\",\"level\":\"").append(level).append("\",\"msg\":\"").append(message).append('"');
        if (request != null) text.append(',').append(request);
        text.append("}\n");
    }
}
