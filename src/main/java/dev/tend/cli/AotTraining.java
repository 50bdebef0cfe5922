package dev.tend.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The training run of the launcher's start-up caches (JDK AOT caches, JEP 483/514): one JVM that
 * does what a command does, so the cache holds its classes loaded and linked. {@code check} and
 * {@code validate} train for that command alone (a smaller cache starts faster); {@code logs} for
 * {@code tend logs} on sample files it writes (classes only, no profiles); {@code all} for every
 * other command. It never touches the user's config or platform: it probes only what it
 * starts itself on 127.0.0.1 (an HTTP endpoint and a listening port) and ports it has just closed
 * (a refused PostgreSQL and Redis), and keeps its store in a temporary directory it deletes.
 * Run by ./tend on a command's first use after a build:
 * {@code java -XX:AOTCacheOutput=... dev.tend.cli.AotTraining check|validate|all|logs}.
 */
public final class AotTraining {
    private AotTraining() {}

    public static void main(String[] args) throws Exception {
        var scenario = args.length == 0 ? "all" : args[0];
        if (!List.of("check", "validate", "all", "logs").contains(scenario)) throw new IllegalArgumentException("scenario: check, validate, all or logs");
        var directory = Files.createTempDirectory("tend-aot-training");
        if (scenario.equals("logs")) {
            try {
                trainLogs(directory);
            } finally {
                deleteTree(directory);
            }
            return;
        }
        var api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/health", exchange -> {
            var body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        api.start();
        try (var port = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            var config = directory.resolve("tend.yaml");
            Files.writeString(config, """
                    platform: { name: Training }
                    targets:
                      - { name: api, type: http, url: "http://127.0.0.1:%d/health", expectStatus: [200] }
                      - { name: port, type: tcp, address: "127.0.0.1:%d" }
                      - { name: db, type: postgres, url: "postgresql://tend@127.0.0.1:%d/app", password: "${env:TRAINING_SECRET}", timeout: 1s }
                      - { name: cache, type: redis, url: "redis://127.0.0.1:%d", timeout: 1s }
                      - { name: host, type: host, volumes: ["%s"] }
                    store: { path: "%s" }
                    """.formatted(api.getAddress().getPort(), port.getLocalPort(), closedPort(), closedPort(), directory,
                    directory.resolve("tend.db")));
            // The cache is only as good as this run: a config that stopped validating would train the error path.
            if (tend("validate", "-c", config.toString()) != 0) throw new IllegalStateException("the training config is not valid");
            if (!scenario.equals("check")) {
                tend("validate", "--without-secrets", "-c", config.toString());
            }
            if (!scenario.equals("validate")) {
                tend("check", "-c", config.toString());
                tend("check", "--json", "-c", config.toString());
            }
            if (scenario.equals("all")) {
                tend("--help");
                tend("help", "backup", "verify");
                tend("windows", "-c", config.toString());
                tend("plan", "-c", config.toString());
                tend("checklist", "list", "-c", config.toString());
                tend("runbook", "list", "-c", config.toString());
            }
        } finally {
            api.stop(0);
            deleteTree(directory);
        }
    }

    /**
     * {@code tend logs} on a few lines of each kind of log it reads (plain, gzip, PostgreSQL, nginx,
     * JSON lines), so the cache holds the readers', parsers' and reports' classes. The cache of this
     * scenario holds no profiles (the launcher trains it with -AOTRecordTraining): a few lines would
     * teach the compiler the wrong things about gigabytes.
     */
    private static void trainLogs(Path directory) throws IOException {
        // Files named by path, and a config that does not exist: no store is opened (neither the user's nor one of its
        // own), so the cache holds what reading and reporting need and not the store's classes, which every start
        // would load (a cache with them cost 5-10 MB more than none).
        var config = directory.resolve("none.yaml");
        var app = Files.writeString(directory.resolve("app.log"), """
                2026-11-30 12:00:00,123 - hub.api - INFO - started on port 8000
                2026-11-30 12:00:01,456 - hub.api - ERROR - upload 4711 failed after 1532 ms from 10.0.0.4
                2026-11-30 12:00:02,789 - hub.worker - ERROR - out of memory allocating 1048576 bytes for "/data/x.parquet"
                Traceback (most recent call last):
                  File "/app/hub/worker.py", line 42, in run
                2026-11-30 12:00:03,000 - hub.api - WARNING - disk at 81%
                2026-11-30 12:00:04,000 - hub.api - CRITICAL - lost connection to 10.0.0.5:5432 (id=8f14e45f-ea2d-4c1b-9a5e-1b2c3d4e5f60)
                """);
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(directory.resolve("app.log.1.gz")))) {
            out.write(Files.readAllBytes(app));
        }
        var postgres = Files.writeString(directory.resolve("postgresql.log"), """
                2026-11-30 12:00:00.123 UTC [4711] LOG:  duration: 1204.250 ms  statement: SELECT * FROM datasets WHERE id = 42
                2026-11-30 12:00:00.200 UTC [4711] ERROR:  deadlock detected
                2026-11-30 12:00:00.200 UTC [4711] DETAIL:  Process 4711 waits for ShareLock on transaction 903.
                2026-11-30 12:00:00.300 UTC [4712] FATAL:  sorry, too many clients already
                2026-11-30 12:00:01.000 UTC [4713] LOG:  duration: 0.050 ms  execute S_1: SELECT 1
                """);
        var nginx = Files.writeString(directory.resolve("access.log"), """
                203.0.113.7 - - [30/Nov/2026:12:00:01 +0000] "GET /api/v1/datasets/42?x=1 HTTP/1.1" 502 157 "-" "Mozilla/5.0" 1.204
                10.0.0.1 - - [30/Nov/2026:12:00:02 +0000] "GET /health HTTP/1.1" 200 15 "-" "curl/8.5" 0.001
                10.0.0.2 - - [30/Nov/2026:12:00:03 +0000] "POST /api/v1/datasets HTTP/1.1" 201 88 "-" "python-requests/2.31" 0.087
                """);
        var json = Files.writeString(directory.resolve("app.jsonl"), """
                {"ts":1796040000.5,"level":"error","msg":"upload failed","method":"POST","path":"/api/v1/datasets","status":500,"response_time":1532}
                {"ts":1796040001.5,"level":"info","msg":"request done","method":"GET","path":"/api/v1/datasets/7","status":200,"response_time":12}
                """);
        for (var log : List.of(app, directory.resolve("app.log*"), postgres, nginx, json)) {
            logs("analyze", log.toString(), "--since", "all", "-c", config.toString());
            logs("analyze", log.toString(), "--since", "all", "--json", "-c", config.toString());
        }
        logs("patterns", app.toString(), "-c", config.toString());
        logs("patterns", app.toString(), "--json", "-c", config.toString());
    }

    /** A logs command that must have done its work: 0, or 1 for the errors the samples hold; 2 would train the refusal. */
    private static void logs(String... args) {
        var command = new java.util.ArrayList<>(List.of("logs"));
        command.addAll(List.of(args));
        int code = tend(command.toArray(String[]::new));
        if (code > 1) throw new IllegalStateException("the training's " + String.join(" ", command) + " exited " + code);
    }

    private static int tend(String... args) {
        var discard = new PrintWriter(Writer.nullWriter());
        return Main.run(new Main.Environment(Clock.systemUTC(), Map.of("TRAINING_SECRET", "training-only")::get), discard, discard, args);
    }

    /** A loopback port nothing listens on (bound, then closed): connecting to it is refused at once. */
    private static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
        }
    }
}
