package dev.tend.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.testing.PrometheusServer;
import dev.tend.testing.TendCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** prometheus.check-config and prometheus.reload with the real promtool and Prometheus; its ready and tsdb checks. */
class PrometheusOperationsTest {
    @TempDir
    Path dir;

    private Path config(PrometheusServer prometheus, String extra) throws Exception {
        return Files.writeString(dir.resolve("tend.yaml"), """
                platform: { name: test }
                store: { path: %s }
                targets:
                  - { name: metrics, type: prometheus, url: "%s", config: "%s" %s }
                """.formatted(dir.resolve("tend.db"), prometheus.url(), prometheus.configFile(), extra));
    }

    @Test
    void aValidChangeIsReloadedAndABrokenOneIsNot() throws Exception {
        try (var prometheus = PrometheusServer.selfScraping(true)) {
            var config = config(prometheus, "");
            var checked = TendCli.run(Clock.systemUTC(), config, "run", "prometheus.check-config", "metrics");
            assertThat(checked.exitCode()).as(checked.out() + checked.err()).isZero();
            assertThat(checked.out()).contains("SUCCEEDED — promtool: the configuration is valid");

            var original = Files.readString(prometheus.configFile());
            Files.writeString(prometheus.configFile(), original.replace("scrape_interval: 1s", "scrape_interval: often"));
            var broken = TendCli.run(Clock.systemUTC(), config, "run", "prometheus.reload", "metrics");
            assertThat(broken.exitCode()).isEqualTo(1);
            assertThat(broken.out()).contains("FAILED — promtool check config failed; not reloaded").contains("often");

            Files.writeString(prometheus.configFile(), original.replace("evaluation_interval: 1m", "evaluation_interval: 30s"));
            var reloaded = TendCli.run(Clock.systemUTC(), config, "run", "prometheus.reload", "metrics");
            assertThat(reloaded.exitCode()).as(reloaded.out() + reloaded.err()).isZero();
            assertThat(reloaded.out()).contains("SUCCEEDED — reloaded; configuration loaded at").contains("POST /-/reload: 200");
            assertThat(prometheus.get("/api/v1/status/config")).contains("evaluation_interval: 30s");
        }
    }

    @Test
    void withoutTheLifecycleApiTheReloadSaysHowToEnableIt() throws Exception {
        try (var prometheus = PrometheusServer.selfScraping(false)) {
            var run = TendCli.run(Clock.systemUTC(), config(prometheus, ""), "run", "prometheus.reload", "metrics");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).contains("POST /-/reload answered 403").contains("--web.enable-lifecycle");
        }
    }

    @Test
    void itsChecksAreReadinessAndTheTsdbSizeAgainstLevels() throws Exception {
        try (var prometheus = PrometheusServer.selfScraping(false)) {
            var config = config(prometheus, ", tsdbSize: { warn: 10GB, crit: 100GB }");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> prometheus.query("prometheus_tsdb_storage_blocks_bytes").contains("\"value\""));

            var run = TendCli.run(Clock.systemUTC(), config, "check", "--json");

            var byCheck = new java.util.HashMap<String, String>();
            run.json().path("results").forEach(result -> byCheck.put(result.path("check").asString(), result.path("status").asString() + " "
                    + result.path("reason").asString()));
            assertThat(byCheck.get("ready")).startsWith("OK Prometheus at 127.0.0.1:").endsWith(" is ready");
            assertThat(byCheck.get("tsdb")).startsWith("OK TSDB uses ");
        }
    }
}
