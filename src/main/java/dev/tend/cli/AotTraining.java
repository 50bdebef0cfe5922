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
 * {@code validate} train for that command alone (a smaller cache starts faster); {@code all} for
 * every other command. It never touches the user's config or platform: it probes only what it
 * starts itself on 127.0.0.1 (an HTTP endpoint and a listening port) and ports it has just closed
 * (a refused PostgreSQL and Redis), and keeps its store in a temporary directory it deletes.
 * Run by ./tend on a command's first use after a build:
 * {@code java -XX:AOTCacheOutput=... dev.tend.cli.AotTraining check|validate|all}.
 */
public final class AotTraining {
    private AotTraining() {}

    public static void main(String[] args) throws Exception {
        var scenario = args.length == 0 ? "all" : args[0];
        if (!List.of("check", "validate", "all").contains(scenario)) throw new IllegalArgumentException("scenario: check, validate or all");
        var directory = Files.createTempDirectory("tend-aot-training");
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
