package dev.tend.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.alert.notify.Outbox;
import dev.tend.check.CheckResult;
import dev.tend.check.Status;
import dev.tend.config.StoreSettings;
import dev.tend.config.TendConfig;
import dev.tend.registry.BuiltIn;
import dev.tend.schedule.WindowsSection;
import dev.tend.store.Database;
import dev.tend.store.Stores;
import dev.tend.testing.MovableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerting during the Sunday 02:00–04:00 UTC window: a problem that starts inside it is recorded,
 * not paged; one that outlasts it pages the moment it ends; an incident from before the window
 * still has its resolve delivered.
 */
class MaintenanceAwareAlertingTest {
    private static final Instant SUNDAY_0230 = Instant.parse("2026-12-06T02:30:00Z");

    @TempDir
    Path directory;

    private final MovableClock clock = new MovableClock(SUNDAY_0230);
    private Database store;
    private TendConfig config;
    private AlertService service;

    @BeforeEach
    void open() throws Exception {
        store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")));
        config = BuiltIn.configLoader(Map.<String, String>of()::get).parse("""
                platform: { name: Lab }
                targets:
                  - { name: db, type: tcp, address: "127.0.0.1:1" }
                windows:
                  - { name: weekly, cron: "0 2 * * SUN", duration: 2h, timezone: UTC }
                alerting: { fireAfter: 1, resolveAfter: 1 }
                notifiers:
                  - { name: hook, type: webhook, url: "http://127.0.0.1:1/hook" }
                """, Path.of("tend.yaml"));
        service = new AlertService(config, store, clock, WindowsSection.calendar(config));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aProblemThatStartsAndEndsInsideTheWindowIsRecordedButNeverPaged() {
        round(Status.CRIT);
        clock.advance(Duration.ofMinutes(10));
        round(Status.OK);

        assertThat(pending()).isEmpty();
        var incident = service.incidents(true).get(0);
        assertThat(incident.state()).isEqualTo(Incident.State.RESOLVED);
        assertThat(service.timeline(incident.id())).extracting(TimelineEntry::detail).first().asString()
                .isEqualTo("db/connect fired during maintenance window weekly: not paged unless still open when it ends at 2026-12-06T04:00:00Z");
    }

    @Test
    void stillBadWhenTheWindowEndsItPagesAtOnce() {
        round(Status.CRIT);
        clock.advance(Duration.ofMinutes(89));
        round(Status.CRIT);
        assertThat(pending()).as("04:00 not reached").isEmpty();

        clock.advance(Duration.ofMinutes(1)); // 04:00: the window is over
        round(Status.CRIT);

        assertThat(pending()).singleElement().satisfies(row -> assertThat(row.event()).isEqualTo("WINDOW_ENDED"));
        var incident = service.incidents(false).get(0);
        assertThat(incident.suppressed()).isFalse();
        clock.advance(Duration.ofMinutes(5));
        round(Status.OK);
        assertThat(pending()).extracting(Outbox.Row::event).containsExactly("RESOLVED", "WINDOW_ENDED");
    }

    @Test
    void theEndOfTheWindowPagesEvenWhenNoCheckRunsThenAndOnlyOnce() {
        round(Status.CRIT);
        clock.advance(Duration.ofMinutes(90)); // 04:00, no check round due

        var other = new AlertService(config, store, clock, WindowsSection.calendar(config)); // a second tend serve
        assertThat(service.tick() + other.tick()).isEqualTo(1);

        assertThat(pending()).extracting(Outbox.Row::event).containsExactly("WINDOW_ENDED");
    }

    @Test
    void anIncidentOpenedBeforeTheWindowStillHasItsResolveDelivered() {
        clock.advance(Duration.ofHours(-1)); // 01:30, before the window
        round(Status.CRIT);
        clock.advance(Duration.ofHours(1)); // 02:30, inside
        round(Status.OK);

        assertThat(pending()).extracting(Outbox.Row::event).containsExactly("RESOLVED", "OPENED");
    }

    @Test
    void aMaintenanceRunAtWorkHoldsItsTargetsPagesAndReleasingItPagesWhatIsStillBad() {
        clock.advance(Duration.ofHours(-2)); // 00:30, no window
        service.hold("maintenance run 7 (pg-upgrade)", List.of("db"), clock.instant().plus(Duration.ofHours(2)));
        round(Status.CRIT);
        assertThat(pending()).isEmpty();
        assertThat(service.timeline(service.incidents(false).get(0).id())).extracting(TimelineEntry::detail).first().asString()
                .startsWith("db/connect fired during maintenance run 7 (pg-upgrade): not paged unless still open");

        clock.advance(Duration.ofMinutes(20));
        service.release("maintenance run 7 (pg-upgrade)");

        assertThat(pending()).singleElement().satisfies(row -> assertThat(row.event()).isEqualTo("WINDOW_ENDED"));
        assertThat(service.timeline(service.incidents(false).get(0).id())).extracting(TimelineEntry::detail).last().asString()
                .isEqualTo("maintenance run 7 (pg-upgrade) ended at 2026-12-06T00:50:00Z and the incident is still open");
    }

    @Test
    void aHoldOfARunThatDiedEndsAtItsBound() {
        clock.advance(Duration.ofHours(-2));
        service.hold("maintenance run 8 (vacuum)", List.of(), clock.instant().plus(Duration.ofMinutes(30))); // every target
        round(Status.CRIT);
        clock.advance(Duration.ofMinutes(29));
        round(Status.CRIT);
        assertThat(pending()).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        round(Status.CRIT);

        assertThat(pending()).extracting(Outbox.Row::event).containsExactly("WINDOW_ENDED");
    }

    @Test
    void aHoldCoversOnlyItsTargets() {
        clock.advance(Duration.ofHours(-2));
        service.hold("maintenance run 9 (cache)", List.of("cache"), clock.instant().plus(Duration.ofHours(1)));
        round(Status.CRIT);

        assertThat(pending()).extracting(Outbox.Row::event).containsExactly("OPENED");
    }

    @Test
    void aFailureOfTendsOwnWorkPagesEvenInsideTheWindow() {
        service.report(Signal.problem("maintenance", "pg-upgrade", "run", Severity.CRITICAL, "run 3 failed: step upgrade failed: exit 1"));

        assertThat(pending()).extracting(Outbox.Row::event).containsExactly("OPENED");
        assertThat(service.incidents(false)).singleElement().satisfies(incident -> {
            assertThat(incident.title()).isEqualTo("maintenance pg-upgrade: run 3 failed: step upgrade failed: exit 1");
            assertThat(incident.severity()).isEqualTo(Severity.CRITICAL);
        });
    }

    private void round(Status status) {
        service.evaluate(List.of(new CheckResult("db", "connect", status, "db is " + status, List.of(), clock.instant(), Duration.ofMillis(2))));
    }

    private List<Outbox.Row> pending() {
        return new Outbox(store).list("PENDING", 100);
    }
}
