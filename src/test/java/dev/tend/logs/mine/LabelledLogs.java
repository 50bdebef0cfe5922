package dev.tend.logs.mine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A labelled set of our own: messages from 36 templates of the kind the seed platforms write
 * (the API, workers, PostgreSQL, Redis, nginx's error log, Docker, the kernel), with their
 * variables drawn at random, each line labelled with its template. Some templates differ from
 * each other in one plain word only ("refused" / "reset"), some carry plain-word variables (user
 * names, table names), so both grouping and separation are scored.
 */
final class LabelledLogs {
    record Line(String message, int label) {}

    private static final String[] USERS = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"};
    private static final String[] TABLES = {"datasets", "users", "embeddings", "jobs", "graphs", "annotations"};
    private static final String[] QUEUES = {"embed", "ingest", "export"};

    private LabelledLogs() {}

    static List<Line> generate(int count, long seed) {
        var random = new Random(seed);
        List<Function<Random, String>> templates = List.of(
                r -> "Database connection failed: timeout after " + (5 + r.nextInt(26)) + "s to 10.0.0." + (2 + r.nextInt(8)) + ":5432",
                r -> "Connection to 10.0.0." + (2 + r.nextInt(8)) + ":6379 refused",
                r -> "Connection to 10.0.0." + (2 + r.nextInt(8)) + ":6379 reset",
                r -> "Dataset " + r.nextInt(100_000) + " not found",
                r -> "Graph " + r.nextInt(100_000) + " not found",
                r -> "login failed for user " + USERS[r.nextInt(USERS.length)] + " from 192.168.1." + r.nextInt(255),
                r -> "login succeeded for user " + USERS[r.nextInt(USERS.length)] + " from 192.168.1." + r.nextInt(255),
                r -> "Task " + QUEUES[r.nextInt(QUEUES.length)] + "-" + r.nextInt(1000) + " failed after " + r.nextInt(5) + " retries",
                r -> "Task " + QUEUES[r.nextInt(QUEUES.length)] + "-" + r.nextInt(1000) + " finished in " + r.nextInt(9000) + " ms",
                r -> "MemoryError: Unable to allocate " + (1 + r.nextInt(9)) + "." + r.nextInt(10) + " GiB for an array with shape (" + r.nextInt(99999) + ", 768)",
                r -> "Worker pid " + (1000 + r.nextInt(9000)) + " was killed by signal 9 (OOM)",
                r -> "relation \"" + TABLES[r.nextInt(TABLES.length)] + "_tmp\" does not exist",
                r -> "duplicate key value violates unique constraint \"" + TABLES[r.nextInt(TABLES.length)] + "_pkey\"",
                r -> "deadlock detected",
                r -> "canceling statement due to lock timeout",
                r -> "canceling statement due to statement timeout",
                r -> "sorry, too many clients already",
                r -> "could not receive data from client: Connection reset by peer",
                r -> "checkpoint complete: wrote " + r.nextInt(5000) + " buffers (" + r.nextInt(100) + "." + r.nextInt(10) + "%); 0 WAL file(s) added, "
                        + r.nextInt(9) + " removed, " + r.nextInt(9) + " recycled",
                r -> "automatic vacuum of table \"app.public." + TABLES[r.nextInt(TABLES.length)] + "\": index scans: " + r.nextInt(3),
                r -> "Background saving started by pid " + (1000 + r.nextInt(9000)),
                r -> "Background saving terminated with success",
                r -> "DB saved on disk",
                r -> r.nextInt(10) + " changes in 300 seconds. Saving...",
                r -> "upstream timed out (110: Connection timed out) while reading response header from upstream, client: 172.17.0."
                        + r.nextInt(255) + ", server: hub.example.org, request: \"GET /api/v1/datasets/" + r.nextInt(999) + " HTTP/1.1\"",
                r -> "connect() failed (111: Connection refused) while connecting to upstream, client: 172.17.0." + r.nextInt(255)
                        + ", server: hub.example.org",
                r -> "open() \"/usr/share/nginx/html/" + TABLES[r.nextInt(TABLES.length)] + ".png\" failed (2: No such file or directory)",
                r -> "Container " + hex(r, 12) + " exited with code 137",
                r -> "Container " + hex(r, 12) + " started",
                r -> "Out of memory: Killed process " + (1000 + r.nextInt(9000)) + " (python) total-vm:" + r.nextInt(9_000_000) + "kB, anon-rss:"
                        + r.nextInt(9_000_000) + "kB",
                r -> "GET /api/v1/datasets/" + r.nextInt(999) + " 200 in " + r.nextInt(900) + " ms",
                r -> "POST /api/v1/datasets 201 in " + r.nextInt(900) + " ms",
                r -> "Cache miss for key dataset:" + r.nextInt(99999) + ":summary",
                r -> "Cache hit ratio " + r.nextInt(100) + "." + r.nextInt(100) + "% over the last " + (1 + r.nextInt(59)) + " minutes",
                r -> "User " + USERS[r.nextInt(USERS.length)] + " exported dataset " + r.nextInt(99999) + " as csv",
                r -> "User " + USERS[r.nextInt(USERS.length)] + " deleted dataset " + r.nextInt(99999));
        var lines = new ArrayList<Line>(count);
        for (int index = 0; index < count; index++) {
            int label = random.nextInt(templates.size());
            lines.add(new Line(templates.get(label).apply(random), label));
        }
        return lines;
    }

    private static String hex(Random random, int length) {
        var text = new StringBuilder();
        for (int index = 0; index < length; index++) text.append("0123456789abcdef".charAt(random.nextInt(16)));
        return text.toString();
    }
}
