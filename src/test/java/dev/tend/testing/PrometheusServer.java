package dev.tend.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Prometheus (Debian package prometheus) on 127.0.0.1 and a free port, scraping one target
 * every second with a bearer token, as an operator would configure it for tend serve. Tests read
 * what it scraped through its own API. Closed by the test that started it.
 */
public final class PrometheusServer implements AutoCloseable {
    private static final String BINARY = "/usr/bin/prometheus";
    private static final String PROMTOOL = "/usr/bin/promtool";
    private final ManagedProcess process;
    private final int port;

    private final Path config;

    private PrometheusServer(ManagedProcess process, int port, Path config) {
        this.process = process;
        this.port = port;
        this.config = config;
    }

    /** @param target HOST:PORT of the /metrics to scrape */
    public static PrometheusServer scraping(String target, String token) throws IOException {
        Commands.requireExecutable(BINARY, "prometheus");
        var directory = TempDirs.create("tend-prometheus");
        var config = directory.resolve("prometheus.yml");
        Files.writeString(config, """
                global: { scrape_interval: 1s, scrape_timeout: 1s, evaluation_interval: 1m }
                scrape_configs:
                  - job_name: tend
                    authorization: { credentials: "%s" }
                    static_configs: [ { targets: ["%s"] } ]
                """.formatted(token, target));
        int port = FreePorts.next();
        var process = ManagedProcess.start("prometheus", List.of(BINARY, "--config.file=" + config, "--storage.tsdb.path=" + directory.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port), directory.resolve("prometheus.log"));
        var server = new PrometheusServer(process, port, config);
        process.awaitReady(Duration.ofSeconds(60), () -> { server.get("/-/ready"); return true; });
        return server;
    }

    /**
     * A Prometheus scraping itself every second (its TSDB metrics come from that), with the
     * lifecycle API (POST /-/reload) on or off. Its config file is {@link #configFile()}.
     */
    public static PrometheusServer selfScraping(boolean lifecycle) throws IOException {
        Commands.requireExecutable(BINARY, "prometheus");
        var directory = TempDirs.create("tend-prometheus");
        int port = FreePorts.next();
        var config = directory.resolve("prometheus.yml");
        Files.writeString(config, """
                global: { scrape_interval: 1s, scrape_timeout: 1s, evaluation_interval: 1m }
                scrape_configs:
                  - job_name: prometheus
                    static_configs: [ { targets: ["127.0.0.1:%d"] } ]
                """.formatted(port));
        var arguments = new java.util.ArrayList<>(List.of(BINARY, "--config.file=" + config, "--storage.tsdb.path=" + directory.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port));
        if (lifecycle) arguments.add("--web.enable-lifecycle");
        var process = ManagedProcess.start("prometheus", arguments, directory.resolve("prometheus.log"));
        var server = new PrometheusServer(process, port, config);
        process.awaitReady(Duration.ofSeconds(60), () -> { server.get("/-/ready"); return true; });
        return server;
    }

    public Path configFile() {
        return config;
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    /** GET a path of its API; the body. */
    public String get(String path) throws IOException, InterruptedException {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IOException(path + " answered " + response.statusCode());
        return response.body();
    }

    /** An instant query through the HTTP API; the JSON answer. */
    public String query(String promql) throws IOException, InterruptedException {
        return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    }

    /** {@code promtool check metrics} over an exposition; its complaints, or the empty string. */
    public static String lint(String exposition) throws IOException {
        Commands.requireExecutable(PROMTOOL, "prometheus");
        var file = Files.createTempFile("tend-metrics", ".txt");
        try {
            Files.writeString(file, exposition);
            try {
                Commands.run(Duration.ofSeconds(30), List.of("sh", "-c", PROMTOOL + " check metrics < " + file + " 2>&1"));
                return "";
            } catch (IllegalStateException e) {
                return e.getMessage();
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
