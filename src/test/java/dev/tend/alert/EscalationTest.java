package dev.tend.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.alert.notify.Outbox;
import dev.tend.check.CheckResult;
import dev.tend.check.Status;
import dev.tend.config.StoreSettings;
import dev.tend.registry.BuiltIn;
import dev.tend.store.Database;
import dev.tend.store.Stores;
import dev.tend.testing.MovableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runbook's rule as a policy: the pager first; after 30 unacknowledged minutes the mailbox
 * and whoever is on call. An acknowledgement stops it; when the acknowledgement lapses it starts again.
 */
class EscalationTest {
    private static final Instant T0 = Instant.parse("2026-12-01T03:00:00Z");

    @TempDir
    Path directory;

    private final MovableClock clock = new MovableClock(T0);
    private Database store;
    private AlertService service;

    @BeforeEach
    void open() throws Exception {
        store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")));
        var config = BuiltIn.configLoader(Map.<String, String>of()::get).parse("""
                platform: { name: Lab }
                targets:
                  - { name: db, type: tcp, address: "127.0.0.1:1" }
                people:
                  - { name: alice, roles: [On-call Engineer], email: alice@example.com }
                  - { name: bob, roles: [On-call Engineer], email: bob@example.com }
                oncall:
                  - { name: primary, people: [alice, bob], shift: weekly, handoff: "09:00", timezone: UTC, start: 2026-11-30 }
                notifiers:
                  - { name: pager, type: webhook, url: "http://127.0.0.1:1/pager" }
                  - { name: mail, type: webhook, url: "http://127.0.0.1:1/mail" }
                escalations:
                  - name: standard
                    levels:
                      - { notify: [pager] }
                      - { after: 30m, notify: [mail], oncall: primary }
                alerting: { fireAfter: 1, resolveAfter: 1 }
                """, Path.of("tend.yaml"));
        service = new AlertService(config, store, clock, dev.tend.window.MaintenanceWindows.none());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void unacknowledgedForThirtyMinutesItReachesTheSecondLevelOnce() {
        fail();
        assertThat(sentTo()).containsExactly("pager:OPENED");

        clock.advance(Duration.ofMinutes(29));
        assertThat(service.escalateDue()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(service.escalateDue()).isEqualTo(1);
        assertThat(service.escalateDue()).as("each level once").isZero();

        assertThat(sentTo()).containsExactly("mail:ESCALATED", "pager:OPENED");
        var incident = service.incidents(false).get(0);
        assertThat(service.timeline(incident.id())).extracting(TimelineEntry::detail).last().asString()
                .isEqualTo("escalated to level 2 of policy standard: nobody has acknowledged it; alice");
    }

    @Test
    void anAcknowledgementStopsItAndItsLapseStartsItAgain() {
        fail();
        clock.advance(Duration.ofMinutes(10));
        service.acknowledge(service.alerts(false).get(0).id(), "alice", "looking", Optional.of(Duration.ofMinutes(20)));
        clock.advance(Duration.ofMinutes(20));
        assertThat(service.escalateDue()).as("acknowledged: no second level").isZero();
        assertThat(sentTo()).containsExactly("pager:ACKNOWLEDGED", "pager:OPENED");

        service.evaluate(List.of(result(Status.CRIT))); // the acknowledgement lapsed at T0+30m
        assertThat(sentTo()).first().isEqualTo("pager:ACK_EXPIRED");
        clock.advance(Duration.ofMinutes(30));
        assertThat(service.escalateDue()).isEqualTo(1);
        assertThat(sentTo()).first().isEqualTo("mail:ESCALATED");
    }

    @Test
    void aResolveIsToldToEveryNotifierThatHeardOfItAndStopsTheEscalation() {
        fail();
        clock.advance(Duration.ofMinutes(31));
        service.escalateDue();
        clock.advance(Duration.ofMinutes(1));
        service.evaluate(List.of(result(Status.OK)));

        assertThat(sentTo()).containsExactly("mail:RESOLVED", "pager:RESOLVED", "mail:ESCALATED", "pager:OPENED");
    }

    private void fail() {
        service.evaluate(List.of(result(Status.CRIT)));
    }

    private CheckResult result(Status status) {
        return new CheckResult("db", "connect", status, "db is " + status, List.of(), clock.instant(), Duration.ofMillis(2));
    }

    /** "notifier:event" of every notification written, newest first. */
    private List<String> sentTo() {
        return new Outbox(store).list("PENDING", 100).stream().map(row -> row.notifier() + ":" + row.event()).toList();
    }
}
