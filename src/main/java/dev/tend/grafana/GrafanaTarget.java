package dev.tend.grafana;

import dev.tend.check.Check;
import dev.tend.check.CheckContext;
import dev.tend.check.Verdict;
import dev.tend.config.Secret;
import dev.tend.target.Target;
import dev.tend.target.TargetSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A Grafana: its health (the database behind it), and the dashboards grafana.export keeps. */
public record GrafanaTarget(TargetSettings settings, URI url, Optional<Secret> token, Path exportTo, int keep) implements Target {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public List<Check> checks(CheckContext context) {
        return List.of(new Check() {
            @Override
            public String name() {
                return "health";
            }

            @Override
            public Verdict run(Duration timeout) throws Exception {
                var health = get("/api/health", timeout);
                var database = health.path("database").asString("?");
                var version = health.path("version").asString("?");
                return database.equals("ok") ? Verdict.builder().ok("Grafana " + version + " is up, its database ok")
                        : Verdict.builder().crit("Grafana " + version + " reports its database " + database);
            }
        });
    }

    /** GET a path of its HTTP API as JSON; an exception naming the status otherwise. */
    JsonNode get(String path, Duration timeout) throws Exception {
        var request = HttpRequest.newBuilder(url.resolve(path)).timeout(timeout).header("Accept", "application/json");
        token.ifPresent(secret -> request.header("Authorization", "Bearer " + secret.reveal()));
        try (var http = HttpClient.newBuilder().connectTimeout(timeout).build()) {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                throw new java.io.IOException("Grafana refused " + path + " (HTTP " + response.statusCode() + "): the token needs the Viewer role at least");
            }
            if (response.statusCode() != 200) throw new java.io.IOException("Grafana answered HTTP " + response.statusCode() + " to " + path);
            return JSON.readTree(response.body());
        }
    }
}
