package dev.tend.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.access.ApiTokens;
import dev.tend.access.Role;
import dev.tend.config.StoreSettings;
import dev.tend.registry.BuiltIn;
import dev.tend.store.Stores;
import dev.tend.target.Address;
import dev.tend.testing.MovableClock;
import dev.tend.testing.PostgresExtension;
import dev.tend.testing.PostgresServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The PostgreSQL report over HTTP, on a real PostgreSQL: taken once a minute at most, refused for other targets. */
@ExtendWith(PostgresExtension.class)
class ReportRoutesTest {
    @TempDir
    Path directory;

    @Test
    void theReportIsServedReusedForAMinuteAndRefusedForATargetThatIsNotPostgres(PostgresServer postgres) throws Exception {
        postgres.createDatabase("web_report");
        postgres.execute("web_report", "DROP TABLE IF EXISTS items; CREATE TABLE items (id int PRIMARY KEY, name text); "
                + "CREATE INDEX items_name ON items (name); CREATE INDEX items_name_again ON items (name)");
        var clock = new MovableClock(Instant.now());
        var config = BuiltIn.configLoader(Map.<String, String>of()::get).parse("""
                platform: { name: Lab }
                targets:
                  - { name: db, type: postgres, url: "%s" }
                  - { name: port, type: tcp, address: "127.0.0.1:1" }
                """.formatted(postgres.url("web_report")), Path.of("tend.yaml"));
        try (var store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")));
                var server = WebServer.start(new WebContext(config, store, clock), new Address("127.0.0.1", 0))) {
            var token = new ApiTokens(store).create("viewer", Role.VIEWER, "test", clock.instant()).value();
            var http = HttpClient.newHttpClient();
            java.util.function.Function<String, HttpResponse<String>> get = path -> {
                try {
                    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };

            var first = JsonMapper.builder().build().readTree(get.apply("/api/v1/reports/postgres/db").body());
            assertThat(first.path("findings").toString()).contains("items_name_again");
            clock.advance(Duration.ofSeconds(30));
            var second = JsonMapper.builder().build().readTree(get.apply("/api/v1/reports/postgres/db").body());
            assertThat(second.path("takenAt").asString()).as("reused within the minute").isEqualTo(first.path("takenAt").asString());
            clock.advance(Duration.ofSeconds(31));
            assertThat(JsonMapper.builder().build().readTree(get.apply("/api/v1/reports/postgres/db").body()).path("takenAt").asString())
                    .isNotEqualTo(first.path("takenAt").asString());

            var notPostgres = get.apply("/api/v1/reports/postgres/port");
            assertThat(notPostgres.statusCode()).isEqualTo(400);
            assertThat(notPostgres.body()).contains("port is a tcp target");
            assertThat(get.apply("/api/v1/reports/postgres/nowhere").statusCode()).isEqualTo(404);
        }
    }
}
