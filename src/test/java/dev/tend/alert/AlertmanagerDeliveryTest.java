package dev.tend.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.alert.notify.Deliverer;
import dev.tend.check.CheckResult;
import dev.tend.check.Status;
import dev.tend.config.StoreSettings;
import dev.tend.registry.BuiltIn;
import dev.tend.store.Stores;
import dev.tend.testing.AlertmanagerServer;
import dev.tend.testing.MovableClock;
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
            var config = config("""
                    notifiers:
                      - { name: am, type: alertmanager, url: "%s" }
                    """.formatted(alertmanager.url()));
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

    @Test
    void anOpenIncidentIsSentAgainBeforeAlertmanagerLetsItLapseAndAStaleRefreshIsNotSentAfterTheResolve() throws Exception {
        try (var alertmanager = AlertmanagerServer.start();
                var store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")))) {
            var config = config("""
                    notifiers:
                      - { name: am, type: alertmanager, url: "%s", resendEvery: 1m }
                      - { name: hook, type: webhook, url: "http://127.0.0.1:1/never-refreshed" }
                    escalations:
                      - { name: am-only, levels: [ { notify: [am] } ] }
                    """.formatted(alertmanager.url()));
            // Alertmanager judges endsAt by its own clock: Tend's starts three minutes behind it, so every
            // minute moved below stays in Alertmanager's past and a resolve's endsAt is already over.
            var clock = new MovableClock(Clock.systemUTC().instant().minus(Duration.ofMinutes(3)));
            var alerting = new AlertService(config, store, clock);
            var deliverer = Deliverer.of(config, store, clock, line -> { });

            alerting.evaluate(List.of(result(Status.CRIT)));
            assertThat(deliverer.deliverDue(10).delivered()).isEqualTo(1);
            var first = alerts(alertmanager, "?active=true").get(0);
            var firstEnd = java.time.Instant.parse(first.path("endsAt").asString());
            assertThat(firstEnd).as("four re-sends ahead").isEqualTo(clock.instant().plus(Duration.ofMinutes(4)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

            assertThat(alerting.tick()).as("nothing is due before resendEvery has passed").isZero();
            clock.advance(Duration.ofSeconds(61));
            assertThat(alerting.tick()).as("one refresh, for the notifier that forgets").isEqualTo(1);
            assertThat(alerting.tick()).as("added once per interval").isZero();
            assertThat(deliverer.deliverDue(10).delivered()).isEqualTo(1);
            var refreshed = alerts(alertmanager, "?active=true");
            assertThat(refreshed).hasSize(1);
            assertThat(java.time.Instant.parse(refreshed.get(0).path("endsAt").asString())).isAfter(firstEnd);
            assertThat(alerting.notifications(1)).extracting(row -> row.event() + " " + row.state())
                    .containsExactly("OPENED DELIVERED", "REFRESH DELIVERED");

            // A refresh due at the moment the incident resolves must not re-open it in Alertmanager.
            clock.advance(Duration.ofSeconds(61));
            assertThat(alerting.tick()).isEqualTo(1);
            alerting.evaluate(List.of(result(Status.OK)));
            var pass = deliverer.deliverDue(10);
            assertThat(pass.delivered()).as("the resolve; the overtaken refresh is settled unsent").isEqualTo(1);
            var rows = alerting.notifications(1);
            assertThat(rows).extracting(row -> row.event()).containsExactly("OPENED", "REFRESH", "REFRESH", "RESOLVED");
            assertThat(rows.get(2).lastAnswer()).startsWith("not sent");
            assertThat(alerts(alertmanager, "?active=true")).as("resolved, and stays resolved").isEmpty();
            clock.advance(Duration.ofMinutes(5));
            assertThat(alerting.tick()).as("a resolved incident is not refreshed").isZero();
        }
    }

    @Test
    void aMirroredWindowBecomesOneSilenceThatQuietsThePlatformsOwnAlerts() throws Exception {
        try (var alertmanager = AlertmanagerServer.start();
                var store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")))) {
            var now = Clock.systemUTC().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            var config = config("""
                    windows:
                      - { name: tonight, start: "%s", duration: 1h }
                      - { name: later, start: "%s", duration: 1h }
                    notifiers:
                      - name: am
                        type: alertmanager
                        url: "%s"
                        silences: [ { window: tonight, matchers: { env: prod, job: postgres } } ]
                    """.formatted(now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(3)), alertmanager.url()));
            var calendar = dev.tend.schedule.WindowsSection.calendar(config);
            var notifiers = dev.tend.alert.notify.NotifiersSection.of(config);
            var first = new dev.tend.alert.notify.SilenceMirror(store, notifiers, calendar::occurrences, "Lab");
            var second = new dev.tend.alert.notify.SilenceMirror(store, notifiers, calendar::occurrences, "Lab");

            assertThat(first.due(now)).as("the open window; 'later' is not mirrored").isEqualTo(1);
            assertThat(first.due(now.plusSeconds(1))).isZero();
            assertThat(second.due(now.plusSeconds(2))).as("another instance adds it no second time").isZero();
            assertThat(Deliverer.of(config, store, Clock.systemUTC(), line -> { }).deliverDue(10).delivered()).isEqualTo(1);

            var silences = new java.util.ArrayList<JsonNode>();
            JsonMapper.builder().build().readTree(alertmanager.get("/api/v2/silences")).forEach(silences::add);
            assertThat(silences).hasSize(1);
            var silence = silences.get(0);
            assertThat(silence.path("status").path("state").asString()).isEqualTo("active");
            assertThat(java.time.Instant.parse(silence.path("endsAt").asString())).isEqualTo(now.plus(Duration.ofMinutes(59)));
            assertThat(silence.path("createdBy").asString()).isEqualTo("tend");
            assertThat(silence.path("matchers").toString()).contains("\"name\":\"env\"", "\"value\":\"prod\"", "\"name\":\"job\"");

            // A Prometheus alert with those labels, sent straight to Alertmanager, is silenced by it; one without is not.
            alertmanager.post("/api/v2/alerts", """
                    [{"labels": {"alertname": "PostgresDown", "env": "prod", "job": "postgres"}},
                     {"labels": {"alertname": "RedisDown", "env": "prod", "job": "redis"}}]""");
            assertThat(alerts(alertmanager, "?silenced=true&active=false")).extracting(alert -> alert.path("labels").path("alertname").asString())
                    .containsExactly("PostgresDown");
            assertThat(alerts(alertmanager, "?silenced=false")).extracting(alert -> alert.path("labels").path("alertname").asString())
                    .containsExactly("RedisDown");
        }
    }

    @Test
    void aSilenceNamesAWindowThatExistsAndLabelsAlertmanagerAccepts() {
        var failure = (dev.tend.config.ConfigException) org.assertj.core.api.Assertions.catchThrowable(() -> config("""
                windows:
                  - { name: weekly, cron: "0 2 * * SUN", duration: 2h }
                notifiers:
                  - name: am
                    type: alertmanager
                    url: "http://127.0.0.1:9093"
                    silences:
                      - { window: weekyl, matchers: { env: prod } }
                      - { window: weekly, matchers: { 2env: prod } }
                      - { window: weekly, matchers: {} }
                """));
        assertThat(failure.problems()).extracting(problem -> problem.path() + ": " + problem.message()).containsExactly(
                "notifiers[0].silences[0].window: no window named 'weekyl'",
                "notifiers[0].silences[1].matchers.2env: '2env' is not a label name Alertmanager accepts",
                "notifiers[0].silences[2].window: window 'weekly' is mirrored twice",
                "notifiers[0].silences[2].matchers: a silence needs at least one matcher");
    }

    /** One target, db, paging after one bad result; {@code notifiers} adds the rest. */
    private static dev.tend.config.TendConfig config(String notifiers) throws dev.tend.config.ConfigException {
        return BuiltIn.configLoader(Map.<String, String>of()::get).parse("""
                platform: { name: Lab }
                targets:
                  - { name: db, type: tcp, address: "127.0.0.1:1" }
                alerting: { fireAfter: 1, resolveAfter: 1 }
                """ + notifiers, Path.of("tend.yaml"));
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
