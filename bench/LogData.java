// Writes the log benchmark's inputs, SIZE_MB each, from fixed templates with random variables
// (seeded, so every run writes the same bytes):
//   app.log       Python logging lines ("2026-11-30 12:00:00,123 - hub.api - INFO - ..."), 2% at
//                 ERROR from ERROR_TEMPLATES templates, with tracebacks after some
//   postgres.log  PostgreSQL stderr with the default prefix "%m [%p] " and log_min_duration_statement
//                 = 0: a duration line per statement of STATEMENT_SHAPES shapes, errors among them
//   access.log    nginx combined with $request_time
// Prints "RESULT error_templates=N statement_shapes=M".
//
//   java bench/LogData.java DIR SIZE_MB

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

public class LogData {
    static final String[] USERS = {"alice", "bob", "carol", "dave", "erin", "frank"};
    static final String[] TABLES = {"datasets", "users", "embeddings", "jobs", "graphs"};

    static final List<Function<Random, String>> ERRORS = List.of(
            r -> "Database connection failed: timeout after " + (5 + r.nextInt(26)) + "s to 10.0.0." + (2 + r.nextInt(8)) + ":5432",
            r -> "Connection to 10.0.0." + (2 + r.nextInt(8)) + ":6379 refused",
            r -> "Connection to 10.0.0." + (2 + r.nextInt(8)) + ":6379 reset",
            r -> "Dataset " + r.nextInt(100_000) + " not found",
            r -> "Upload of dataset " + r.nextInt(100_000) + " failed: checksum mismatch (expected " + hex(r, 16) + ", got " + hex(r, 16) + ")",
            r -> "Task embed-" + r.nextInt(1000) + " failed after " + r.nextInt(5) + " retries",
            r -> "Worker pid " + (1000 + r.nextInt(9000)) + " was killed by signal 9",
            r -> "Permission denied for user " + USERS[r.nextInt(USERS.length)] + " on dataset " + r.nextInt(99999),
            r -> "Invalid token for session " + uuid(r),
            r -> "Request to https://auth.internal/api/verify timed out after " + r.nextInt(30) + " s",
            r -> "Failed to write /data/exports/" + r.nextInt(99999) + ".csv: No space left on device",
            r -> "Graph " + r.nextInt(100_000) + " has " + r.nextInt(999) + " dangling edges",
            r -> "Cache write failed for key dataset:" + r.nextInt(99999) + ":summary",
            r -> "Rate limit exceeded for client 172.17.0." + r.nextInt(255) + " (" + r.nextInt(999) + " requests in 60 s)",
            r -> "Unhandled exception in task ingest-" + r.nextInt(1000),
            r -> "Migration " + r.nextInt(99) + " is not applied",
            r -> "Model checkpoint checkpoint_" + r.nextInt(999) + " is corrupt",
            r -> "Search index rebuild aborted at " + r.nextInt(100) + "%",
            r -> "SMTP delivery to " + USERS[r.nextInt(USERS.length)] + "@example.org failed: 451 try again later",
            r -> "Export job " + uuid(r) + " exceeded its memory limit");
    static final List<Function<Random, String>> INFOS = List.of(
            r -> "GET /api/v1/datasets/" + r.nextInt(999) + " 200 in " + r.nextInt(900) + " ms",
            r -> "POST /api/v1/datasets 201 in " + r.nextInt(900) + " ms",
            r -> "Cache hit ratio " + r.nextInt(100) + "% over the last " + (1 + r.nextInt(59)) + " minutes",
            r -> "User " + USERS[r.nextInt(USERS.length)] + " exported dataset " + r.nextInt(99999) + " as csv");
    static final String[] STATEMENTS = {
            "SELECT * FROM datasets WHERE id = %d",
            "SELECT id, name FROM users WHERE email = 'u%d@example.org'",
            "UPDATE jobs SET state = 'done', finished_at = now() WHERE id = %d",
            "INSERT INTO embeddings (dataset_id, vector) VALUES (%d, '[0.1,0.2]')",
            "SELECT count(*) FROM graphs WHERE owner_id = %d AND deleted = false",
            "DELETE FROM sessions WHERE expires_at < now() - interval '%d days'",
            "SELECT d.id, d.name, u.name FROM datasets d JOIN users u ON u.id = d.owner_id WHERE d.id IN (%d, 2, 3, 4)",
            "BEGIN", "COMMIT",
            "SELECT * FROM annotations WHERE dataset_id = %d ORDER BY created_at DESC LIMIT 50",
            "UPDATE users SET last_login = now() WHERE id = %d",
            "SELECT pg_sleep(0.%d)"};

    public static void main(String[] args) throws Exception {
        var dir = Path.of(args[0]);
        long bytes = Long.parseLong(args[1]) * 1024 * 1024;
        Files.createDirectories(dir);
        var random = new Random(7);
        app(dir.resolve("app.log"), bytes, random);
        postgres(dir.resolve("postgres.log"), bytes, random);
        access(dir.resolve("access.log"), bytes, random);
        System.out.println("RESULT error_templates=" + ERRORS.size() + " statement_shapes=" + STATEMENTS.length);
    }

    static void app(Path file, long bytes, Random r) throws Exception {
        var format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        var time = LocalDateTime.of(2026, 11, 30, 0, 0);
        long written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            while (written < bytes) {
                time = time.plusNanos(1_000_000L * r.nextInt(20));
                var stamp = format.format(time) + "," + String.format("%03d", time.getNano() / 1_000_000);
                String line;
                if (r.nextInt(50) == 0) {
                    int template = r.nextInt(ERRORS.size());
                    line = stamp + " - hub.api - ERROR - " + ERRORS.get(template).apply(r) + "\n";
                    if (template == 14) line += "Traceback (most recent call last):\n  File \"/app/worker.py\", line 42, in run\n    x = model(batch)\nMemoryError: Unable to allocate 2.1 GiB\n";
                } else {
                    line = stamp + " - hub.api - " + (r.nextInt(10) == 0 ? "WARNING" : "INFO") + " - " + INFOS.get(r.nextInt(INFOS.size())).apply(r) + "\n";
                }
                out.write(line);
                written += line.length();
            }
        }
    }

    static void postgres(Path file, long bytes, Random r) throws Exception {
        var format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
        var time = LocalDateTime.of(2026, 11, 30, 0, 0);
        long written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            while (written < bytes) {
                time = time.plusNanos(1_000_000L * r.nextInt(5));
                var prefix = format.format(time) + " UTC [" + (1000 + r.nextInt(200)) + "] ";
                String line;
                int roll = r.nextInt(1000);
                if (roll == 0) {
                    line = prefix + "ERROR:  deadlock detected\n" + prefix + "DETAIL:  Process 1 waits for ShareLock on transaction " + r.nextInt(99999) + ".\n";
                } else if (roll < 4) {
                    line = prefix + "ERROR:  duplicate key value violates unique constraint \"users_pkey\"\n" + prefix
                            + "DETAIL:  Key (id)=(" + r.nextInt(9999) + ") already exists.\n";
                } else {
                    var statement = STATEMENTS[r.nextInt(STATEMENTS.length)].formatted(r.nextInt(100_000));
                    double ms = Math.exp(r.nextGaussian() * 1.5) * (statement.startsWith("SELECT pg_sleep") ? 100 : 0.5);
                    line = prefix + "LOG:  duration: " + String.format("%.3f", ms) + " ms  statement: " + statement + "\n";
                }
                out.write(line);
                written += line.length();
            }
        }
    }

    static void access(Path file, long bytes, Random r) throws Exception {
        var format = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss", java.util.Locale.ENGLISH);
        var time = LocalDateTime.of(2026, 11, 30, 0, 0);
        long written = 0;
        String[] paths = {"/api/v1/datasets/%d", "/api/v1/search?q=%d", "/static/app.%d.js", "/api/v1/users/%d/profile", "/", "/healthz"};
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            while (written < bytes) {
                if (r.nextInt(20) == 0) time = time.plusSeconds(1);
                var path = paths[r.nextInt(paths.length)].formatted(r.nextInt(1000));
                int status = r.nextInt(100) < 95 ? 200 : r.nextBoolean() ? 404 : 502;
                var line = "172.17.0." + r.nextInt(255) + " - - [" + format.format(time) + " +0000] \"" + (r.nextInt(5) == 0 ? "POST" : "GET") + " " + path
                        + " HTTP/1.1\" " + status + " " + r.nextInt(20000) + " \"https://hub.example.org/\" \"Mozilla/5.0 (X11; Linux x86_64)\" "
                        + String.format("%.3f", r.nextDouble() < 0.02 ? 1 + r.nextDouble() * 3 : r.nextDouble() * 0.3) + "\n";
                out.write(line);
                written += line.length();
            }
        }
    }

    static String hex(Random r, int length) {
        var text = new StringBuilder();
        for (int i = 0; i < length; i++) text.append("0123456789abcdef".charAt(r.nextInt(16)));
        return text.toString();
    }

    static String uuid(Random r) {
        return hex(r, 8) + "-" + hex(r, 4) + "-" + hex(r, 4) + "-" + hex(r, 4) + "-" + hex(r, 12);
    }
}
