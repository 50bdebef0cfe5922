package dev.tend.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.alert.notify.Outbox;
import dev.tend.config.StoreSettings;
import dev.tend.registry.BuiltIn;
import dev.tend.store.Database;
import dev.tend.store.Stores;
import dev.tend.testing.MovableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Tend's own work reports: one bad report fires, one good report resolves, whatever the check streaks say. */
class SignalTest {
    @TempDir
    Path directory;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T03:00:00Z"));
    private Database store;
    private AlertService service;

    @BeforeEach
    void open() throws Exception {
        store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")));
        var config = BuiltIn.configLoader(Map.<String, String>of()::get).parse("""
                platform: { name: Lab }
                targets:
                  - { name: db, type: tcp, address: "127.0.0.1:1" }
                alerting: { fireAfter: 5, resolveAfter: 5 }
                notifiers:
                  - { name: hook, type: webhook, url: "http://127.0.0.1:1/hook" }
                """, Path.of("tend.yaml"));
        service = new AlertService(config, store, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void oneFailureFiresAndOneSuccessResolves() {
        var changes = service.report(Signal.problem("schedule", "nightly-backup", "run", Severity.CRITICAL, "failed: pg_dump exited 1"));

        assertThat(changes).extracting(AlertService.Change::transition).containsExactly(AlertRules.Transition.FIRED);
        assertThat(service.alerts(false)).singleElement().satisfies(alert -> {
            assertThat(alert.fingerprint()).isEqualTo("schedule:nightly-backup/run");
            assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
        });
        assertThat(service.incidents(false).get(0).title()).isEqualTo("schedule nightly-backup: failed: pg_dump exited 1");

        clock.advance(Duration.ofDays(1));
        service.report(Signal.cleared("schedule", "nightly-backup", "run", "succeeded: 2 files"));

        assertThat(service.alerts(false)).isEmpty();
        assertThat(service.incidents(true).get(0).state()).isEqualTo(Incident.State.RESOLVED);
        assertThat(new Outbox(store).list("PENDING", 10)).extracting(Outbox.Row::event).containsExactly("RESOLVED", "OPENED");
    }

    @Test
    void aSuccessThatWasNeverAProblemLeavesNoTrace() {
        assertThat(service.report(Signal.cleared("schedule", "vacuum", "run", "succeeded"))).isEmpty();

        assertThat(service.alerts(true)).isEmpty();
        assertThat(service.incidents(true)).isEmpty();
    }

    @Test
    void aRepeatedFailureStaysOneIncident() {
        service.report(Signal.problem("schedule", "vacuum", "run", Severity.WARNING, "missed"));
        clock.advance(Duration.ofHours(1));
        service.report(Signal.problem("schedule", "vacuum", "run", Severity.CRITICAL, "failed"));

        assertThat(service.incidents(true)).singleElement().satisfies(incident -> assertThat(incident.severity()).isEqualTo(Severity.CRITICAL));
        assertThat(new Outbox(store).list("PENDING", 10)).hasSize(1);
    }
}
