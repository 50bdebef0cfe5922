package dev.tend.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.alert.notify.Deliverer;
import dev.tend.check.CheckResult;
import dev.tend.check.Status;
import dev.tend.config.StoreSettings;
import dev.tend.registry.BuiltIn;
import dev.tend.store.Stores;
import dev.tend.testing.AlertmanagerServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real Alertmanager receives the incident as an alert with its labels, then its resolve. */
class AlertmanagerDeliveryTest {
    @TempDir
    Path directory;

    @Test
    void theIncidentArrivesWithItsLabelsAndThenResolves() throws Exception {
        try (var alertmanager = AlertmanagerServer.start();
                var store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")))) {
            var config = BuiltIn.configLoader(Map.<String, String>of()::get).parse("""
                    platform: { name: Lab }
                    targets:
                      - { name: db, type: tcp, address: "127.0.0.1:1" }
                    alerting: { fireAfter: 1, resolveAfter: 1 }
                    notifiers:
                      - { name: am, type: alertmanager, url: "%s" }
                    """.formatted(alertmanager.url()), Path.of("tend.yaml"));
            var alerting = new AlertService(config, store, Clock.systemUTC());
            var deliverer = Deliverer.of(config, store, Clock.systemUTC(), line -> { });

            alerting.evaluate(List.of(result(Status.CRIT)));
            assertThat(deliverer.deliverDue(10)).isEqualTo(new Deliverer.Pass(1, 0, 0));
            var firing = alerts(alertmanager, "?active=true&silenced=false&inhibited=false");
            assertThat(firing).hasSize(1);
            var labels = firing.get(0).path("labels");
            assertThat(labels.path("alertname").asString()).isEqualTo("TendIncident");
            assertThat(labels.path("incident").asString()).isEqualTo("1");
            assertThat(labels.path("severity").asString()).isEqualTo("critical");
            assertThat(firing.get(0).path("annotations").path("summary").asString()).isEqualTo("db/connect: db is CRIT");
            assertThat(firing.get(0).path("status").path("state").asString()).isEqualTo("active");

            alerting.evaluate(List.of(result(Status.OK)));
            assertThat(deliverer.deliverDue(10)).isEqualTo(new Deliverer.Pass(1, 0, 0));
            // Resolved alerts drop out of the active ones at once.
            assertThat(alerts(alertmanager, "?active=true")).isEmpty();
        }
    }

    private static List<JsonNode> alerts(AlertmanagerServer alertmanager, String query) throws Exception {
        var list = new java.util.ArrayList<JsonNode>();
        JsonMapper.builder().build().readTree(alertmanager.get("/api/v2/alerts" + query)).forEach(list::add);
        return list;
    }

    private static CheckResult result(Status status) {
        return new CheckResult("db", "connect", status, "db is " + status, List.of(), Clock.systemUTC().instant(), Duration.ofMillis(2));
    }
}
