package dev.tend.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

/**
 * A real Prometheus Alertmanager (Debian package prometheus-alertmanager) on 127.0.0.1 and a free
 * port, gossip off, with one receiver that sends nothing anywhere: tests read what arrived through
 * its own API. Closed by the test that started it.
 */
public final class AlertmanagerServer implements AutoCloseable {
    private static final String BINARY = "/usr/bin/prometheus-alertmanager";
    private final ManagedProcess process;
    private final int port;

    private AlertmanagerServer(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static AlertmanagerServer start() throws IOException {
        Commands.requireExecutable(BINARY, "prometheus-alertmanager");
        var directory = TempDirs.create("tend-alertmanager");
        var config = directory.resolve("alertmanager.yml");
        Files.writeString(config, """
                route: { receiver: tend-test, group_wait: 0s, group_interval: 1s, repeat_interval: 1h }
                receivers:
                  - name: tend-test
                """);
        int port = FreePorts.next();
        var process = ManagedProcess.start("alertmanager", List.of(BINARY, "--config.file=" + config, "--storage.path=" + directory.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address="), directory.resolve("alertmanager.log"));
        var server = new AlertmanagerServer(process, port);
        process.awaitReady(Duration.ofSeconds(30), () -> { server.get("/-/ready"); return true; });
        return server;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** GET a path of its API; the body. */
    public String get(String path) throws IOException, InterruptedException {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IOException(path + " answered " + response.statusCode());
        return response.body();
    }

    /** POST JSON to a path of its API, as Prometheus would; fails unless it is taken. */
    public void post(String path, String json) throws IOException, InterruptedException {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IOException(path + " answered " + response.statusCode() + ": " + response.body());
    }

    @Override
    public void close() {
        process.close();
    }
}
