package dev.tend.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.alert.AlertRules.Transition;
import dev.tend.check.CheckResult;
import dev.tend.check.Status;
import dev.tend.config.StoreSettings;
import dev.tend.config.TendConfig;
import dev.tend.registry.BuiltIn;
import dev.tend.store.Database;
import dev.tend.store.Stores;
import dev.tend.testing.MovableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alerts and incidents from rounds of check results, on a real store, with time moved by hand. */
class AlertServiceTest {
    private static final Instant T0 = Instant.parse("2026-12-01T03:00:00Z");

    @TempDir
    Path directory;

    private final MovableClock clock = new MovableClock(T0);
    private Database store;
    private AlertService service;

    @BeforeEach
    void open() {
        store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void firesAfterThreeBadResultsInARowAndResolvesAfterTwoGoodOnes() throws Exception {
        var config = config("");
        service = new AlertService(config, store, clock);

        var fired = new ArrayList<Transition>();
        for (var status : List.of(Status.CRIT, Status.OK, Status.CRIT, Status.CRIT, Status.WARN, Status.OK, Status.CRIT, Status.OK, Status.OK)) {
            fired.addAll(round(config, Map.of("db", status)));
        }

        assertThat(fired).containsExactly(Transition.FIRED, Transition.RESOLVED);
        var alert = service.alerts(true).stream().filter(a -> a.subject().equals("db")).findFirst().orElseThrow();
        assertThat(alert.state()).isEqualTo(Alert.State.OK);
        assertThat(service.history(alert.id())).extracting(AlertEvent::kind).containsExactly("FIRED", "RESOLVED");
        var incident = service.incidents(true).get(0);
        assertThat(incident.state()).isEqualTo(Incident.State.RESOLVED);
        assertThat(incident.severity()).as("CRIT then WARN in the firing streak").isEqualTo(Severity.CRITICAL);
        assertThat(service.timeline(incident.id())).extracting(TimelineEntry::kind).containsExactly("OPENED", "ALERT_RESOLVED", "RESOLVED");
    }

    @Test
    void aRuleChangesTheStreaksOfOneCheck() throws Exception {
        var config = config("""
                alerting:
                  rules:
                    - { target: db, check: connect, fireAfter: 1, resolveAfter: 1 }
                """);
        service = new AlertService(config, store, clock);

        assertThat(round(config, Map.of("db", Status.CRIT, "api", Status.CRIT))).containsExactly(Transition.FIRED);
        assertThat(round(config, Map.of("db", Status.OK, "api", Status.OK))).containsExactly(Transition.RESOLVED);
    }

    @Test
    void aFlappingCheckPagesOnceAndSettlesAfterAQuietPeriod() throws Exception {
        var config = config("""
                alerting: { fireAfter: 1, resolveAfter: 1, flapping: { changes: 3, within: 30m } }
                """);
        service = new AlertService(config, store, clock);

        var transitions = new ArrayList<Transition>();
        for (int flip = 0; flip < 12; flip++) {
            transitions.addAll(round(config, Map.of("db", flip % 2 == 0 ? Status.CRIT : Status.OK)));
            clock.advance(Duration.ofMinutes(1));
        }
        for (int quiet = 0; quiet < 31; quiet++) {
            transitions.addAll(round(config, Map.of("db", Status.OK)));
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(transitions).filteredOn(transition -> transition == Transition.FIRED).hasSize(1);
        assertThat(transitions).containsExactly(Transition.FIRED, Transition.RESOLVED, Transition.FLAPPING, Transition.SETTLED_RESOLVED);
        assertThat(service.incidents(true)).singleElement().satisfies(incident -> {
            assertThat(incident.state()).isEqualTo(Incident.State.RESOLVED);
            assertThat(service.timeline(incident.id())).extracting(TimelineEntry::kind).contains("FLAPPING");
        });
    }

    @Test
    void aDependentOpensNoIncidentOfItsOwnYetResolvesOnItsOwn() throws Exception {
        var config = config("");
        service = new AlertService(config, store, clock);

        for (int i = 0; i < 3; i++) round(config, Map.of("db", Status.CRIT, "api", Status.CRIT));
        assertThat(service.incidents(false)).singleElement().satisfies(incident -> {
            assertThat(incident.title()).startsWith("db/connect");
            assertThat(service.alertsOf(incident.id())).extracting(Alert::subject).containsExactly("db", "api");
            assertThat(service.timeline(incident.id())).extracting(TimelineEntry::detail)
                    .anySatisfy(detail -> assertThat(detail).startsWith("api/connect is affected: it depends on db"));
        });

        for (int i = 0; i < 2; i++) round(config, Map.of("db", Status.CRIT, "api", Status.OK));
        var incident = service.incidents(false).get(0);
        assertThat(service.alertsOf(incident.id())).extracting(Alert::subject, Alert::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("db", Alert.State.FIRING), org.assertj.core.groups.Tuple.tuple("api", Alert.State.OK));
        assertThat(incident.state()).as("db is still down").isEqualTo(Incident.State.TRIGGERED);

        for (int i = 0; i < 2; i++) round(config, Map.of("db", Status.OK, "api", Status.OK));
        assertThat(service.incidents(false)).isEmpty();
        assertThat(service.incidents(true)).hasSize(1);
    }

    @Test
    void anAcknowledgementWithAnEndTriggersTheIncidentAgainWhenItLapses() throws Exception {
        var config = config("");
        service = new AlertService(config, store, clock);
        for (int i = 0; i < 3; i++) round(config, Map.of("db", Status.CRIT));
        var alert = service.alerts(false).get(0);

        var acknowledged = service.acknowledge(alert.id(), "alice", "restarting it", Optional.of(Duration.ofHours(1)));
        assertThat(acknowledged.state()).isEqualTo(Incident.State.ACKNOWLEDGED);
        clock.advance(Duration.ofMinutes(59));
        round(config, Map.of("db", Status.CRIT));
        assertThat(service.incident(acknowledged.id()).orElseThrow().state()).isEqualTo(Incident.State.ACKNOWLEDGED);
        clock.advance(Duration.ofMinutes(1));
        round(config, Map.of("db", Status.CRIT));

        var incident = service.incident(acknowledged.id()).orElseThrow();
        assertThat(incident.state()).isEqualTo(Incident.State.TRIGGERED);
        assertThat(incident.acknowledgedBy()).isEmpty();
        assertThat(service.timeline(incident.id())).extracting(TimelineEntry::kind, TimelineEntry::actor).containsSubsequence(
                org.assertj.core.groups.Tuple.tuple("ACKNOWLEDGED", "alice"), org.assertj.core.groups.Tuple.tuple("ACK_EXPIRED", "tend"));
    }

    @Test
    void resolvingByHandStartsTheStreakAgain() throws Exception {
        var config = config("");
        service = new AlertService(config, store, clock);
        for (int i = 0; i < 3; i++) round(config, Map.of("db", Status.CRIT));
        var alert = service.alerts(false).get(0);

        service.resolve(alert.id(), "alice", "fixed the firewall");
        assertThat(service.incidents(false)).isEmpty();
        assertThat(round(config, Map.of("db", Status.CRIT))).isEmpty();
        round(config, Map.of("db", Status.CRIT));
        assertThat(round(config, Map.of("db", Status.CRIT))).containsExactly(Transition.FIRED);
        assertThat(service.incidents(false)).hasSize(1).first().extracting(Incident::id).isNotEqualTo(alert.incidentId().orElseThrow());
    }

    private List<Transition> round(TendConfig config, Map<String, Status> statuses) {
        var results = statuses.entrySet().stream().map(entry -> new CheckResult(entry.getKey(), "connect", entry.getValue(),
                entry.getKey() + " is " + entry.getValue(), List.of(), clock.instant(), Duration.ofMillis(3))).toList();
        return service.evaluate(results).stream().map(AlertService.Change::transition).filter(java.util.Objects::nonNull).toList();
    }

    private TendConfig config(String more) throws Exception {
        return BuiltIn.configLoader(name -> null).parse("""
                platform: { name: Lab }
                targets:
                  - { name: db, type: tcp, address: "127.0.0.1:1" }
                  - { name: api, type: tcp, address: "127.0.0.1:2", dependsOn: [db] }
                """ + more, Path.of("tend.yaml"));
    }
}
