package dev.tend.prometheus;

import dev.tend.check.Check;
import dev.tend.check.CheckContext;
import dev.tend.check.Thresholds;
import dev.tend.check.Units;
import dev.tend.check.Verdict;
import dev.tend.command.CommandSettings;
import dev.tend.config.Secret;
import dev.tend.target.Target;
import dev.tend.target.TargetSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Prometheus server: ready, and its TSDB's size on disk (blocks plus write-ahead log) against
 * levels. Its configuration file is what prometheus.check-config gives promtool, and what
 * prometheus.reload makes it read again.
 */
public record PrometheusTarget(TargetSettings settings, URI url, Optional<Path> config, Optional<CommandSettings.InContainer> container,
        Optional<Secret> token, Thresholds tsdbBytes) implements Target {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BLOCK_BYTES = "sum(prometheus_tsdb_storage_blocks_bytes)";
    /** Reported by newer versions (and with size-based retention) only. */
    private static final String WAL_BYTES = "sum(prometheus_tsdb_wal_storage_size_bytes)";

    @Override
    public List<Check> checks(CheckContext context) {
        return List.of(new Check() {
            @Override
            public String name() {
                return "ready";
            }

            @Override
            public Verdict run(Duration timeout) throws Exception {
                var response = send("GET", "/-/ready", timeout);
                return response.statusCode() == 200 ? Verdict.builder().ok("Prometheus at " + url.getHost() + ":" + url.getPort() + " is ready")
                        : Verdict.builder().crit("Prometheus answered HTTP " + response.statusCode() + " to /-/ready: " + response.body().strip());
            }
        }, new Check() {
            @Override
            public String name() {
                return "tsdb";
            }

            @Override
            public Verdict run(Duration timeout) throws Exception {
                long blocks = query(BLOCK_BYTES, timeout).map(Double::longValue).orElseThrow(() -> new dev.tend.check.UnexpectedAnswerException(
                        "Prometheus reports no prometheus_tsdb_storage_blocks_bytes (does it scrape itself?)"));
                var wal = query(WAL_BYTES, timeout).map(Double::longValue);
                long bytes = blocks + wal.orElse(0L);
                var verdict = Verdict.builder().measure("tsdb_bytes", bytes, "bytes");
                var status = tsdbBytes.grade(bytes);
                return verdict.verdict(status, "TSDB uses " + Units.bytes(bytes) + (wal.isPresent() ? " (blocks and WAL)" : " in blocks") + (status.isOk() ? ""
                        : ", over the " + Units.bytes((long) tsdbBytes.crossed(bytes)) + " level: shorten --storage.tsdb.retention or add disk"));
            }
        });
    }

    HttpResponse<String> send(String method, String path, Duration timeout) throws Exception {
        var request = HttpRequest.newBuilder(url.resolve(path)).timeout(timeout).method(method, HttpRequest.BodyPublishers.noBody());
        token.ifPresent(secret -> request.header("Authorization", "Bearer " + secret.reveal()));
        try (var http = HttpClient.newBuilder().connectTimeout(timeout).build()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** An instant query's single value; empty when the result is empty. */
    Optional<Double> query(String promql, Duration timeout) throws Exception {
        var response = send("GET", "/api/v1/query?query=" + java.net.URLEncoder.encode(promql, StandardCharsets.UTF_8), timeout);
        if (response.statusCode() != 200) throw new java.io.IOException("Prometheus answered HTTP " + response.statusCode() + " to a query");
        JsonNode result = JSON.readTree(response.body()).path("data").path("result");
        if (!result.isArray() || result.isEmpty()) return Optional.empty();
        return Optional.of(Double.parseDouble(result.get(0).path("value").get(1).asString()));
    }
}
