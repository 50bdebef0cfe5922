package dev.tend.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Items ticked by evidence only when it succeeded inside the period; sign-off only by someone in the role. */
class ChecklistTest {
    private static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T09:00:00Z");
    @TempDir
    Path directory;
    private ServerSocket open;
    private Path config;

    record Run(int exitCode, String out, String err) {
        JsonNode json() {
            return JsonMapper.builder().build().readTree(out);
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        open = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        int closed;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        config = Files.writeString(directory.resolve("tend.yaml"), """
                platform: { name: Lab }
                targets:
                  - { name: port, type: tcp, address: "127.0.0.1:%d" }
                  - { name: closed, type: tcp, address: "127.0.0.1:%d" }
                windows:
                  - { name: weekly, cron: "0 2 * * SUN", duration: 2h }
                people:
                  - { name: alice, roles: [System Administrator, Database Administrator] }
                  - { name: bob, roles: [Security Team] }
                checklists:
                  - name: daily
                    template: daily
                    evidence:
                      disk-space: { check: port }
                      health-dashboard: { check: closed }
                  - { name: before-weekly, template: pre-maintenance, window: weekly }
                store: { path: "%s" }
                """.formatted(open.getLocalPort(), closed, directory.resolve("tend.db")));
    }

    @AfterEach
    void tearDown() throws Exception {
        open.close();
    }

    @Test
    void evidenceTicksAnItemOnlyWhenSuccessfulAndInsideThePeriod() {
        assertThat(item(show("daily", MONDAY_MORNING), "disk-space").path("state").asString()).isEqualTo("OPEN");

        tend(Instant.parse("2026-11-22T23:59:00Z"), "check"); // Sunday: yesterday's period
        var beforeToday = show("daily", MONDAY_MORNING);
        assertThat(item(beforeToday, "disk-space").path("state").asString()).as("yesterday's result is not today's evidence").isEqualTo("OPEN");

        tend(Instant.parse("2026-11-23T08:00:00Z"), "check");
        var today = show("daily", MONDAY_MORNING);
        assertThat(item(today, "disk-space").path("state").asString()).isEqualTo("DONE");
        assertThat(item(today, "disk-space").path("how").asString()).isEqualTo("evidence: check port OK at 2026-11-23T08:00:00Z");
        assertThat(item(today, "health-dashboard").path("state").asString()).as("a CRIT result is no evidence").isEqualTo("OPEN");
        assertThat(item(today, "health-dashboard").path("how").asString())
                .isEqualTo("due by 2026-11-24T00:00:00Z; waiting for check closed, or the sign-off of someone in the role System Administrator");
        assertThat(item(today, "error-logs").path("how").asString()).endsWith("needs the sign-off of someone in the role System Administrator");
    }

    @Test
    void signOffNeedsThePersonToHoldTheRoleAndUndoneItemsBecomeOverdue() {
        var refused = tend(MONDAY_MORNING, "checklist", "sign", "daily", "error-logs", "--as", "bob", "--comment", "looked");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("bob does not hold the role System Administrator", "(bob holds: Security Team)");
        assertThat(item(show("daily", MONDAY_MORNING), "error-logs").path("state").asString()).isEqualTo("OPEN");

        var signed = tend(MONDAY_MORNING, "checklist", "sign", "daily", "error-logs", "--as", "alice", "--comment", "no errors since Friday");
        assertThat(signed.exitCode()).as(signed.err()).isZero();
        assertThat(signed.out()).contains("signed daily/error-logs (Check error logs) for 2026-11-23 as alice (System Administrator)");
        var today = show("daily", MONDAY_MORNING);
        assertThat(item(today, "error-logs").path("how").asString())
                .isEqualTo("signed by alice (System Administrator) at 2026-11-23T09:00:00Z: no errors since Friday");

        var tuesday = show("daily", Instant.parse("2026-11-24T09:00:00Z"));
        var overdue = new java.util.ArrayList<String>();
        tuesday.path("items").forEach(row -> {
            if (row.path("state").asString().equals("OVERDUE")) overdue.add(row.path("id").asString());
        });
        assertThat(overdue).containsExactlyInAnyOrder("health-dashboard", "backup-completion", "disk-space", "active-alerts");
        assertThat(tend(Instant.parse("2026-11-24T09:00:00Z"), "checklist", "list").exitCode()).as("overdue items fail the list").isEqualTo(1);
    }

    @Test
    void anOverdueItemIsAnAlertUntilItIsDoneAgain() throws Exception {
        var tuesday = Instant.parse("2026-11-24T09:00:00Z");
        var loaded = dev.tend.registry.BuiltIn.configLoader(Map.<String, String>of()::get).load(config);
        try (var store = dev.tend.store.Stores.open(loaded.store())) {
            new ChecklistAlerts(loaded, store, Clock.fixed(tuesday, ZoneOffset.UTC)).evaluate();
            var alerts = new dev.tend.alert.AlertService(loaded, store, Clock.fixed(tuesday, ZoneOffset.UTC)).alerts(false);
            assertThat(alerts).extracting(dev.tend.alert.Alert::fingerprint).contains("checklist:daily/error-logs", "checklist:daily/active-alerts");
            assertThat(alerts).filteredOn(alert -> alert.name().equals("error-logs")).singleElement().satisfies(alert -> {
                assertThat(alert.label()).isEqualTo("checklist daily/error-logs");
                assertThat(alert.reason()).startsWith("Check error logs (System Administrator): not done in 2026-11-23")
                        .endsWith("tend checklist sign daily error-logs --as PERSON");
            });
        }

        assertThat(tend(tuesday, "checklist", "sign", "daily", "error-logs", "--as", "alice").exitCode()).isZero();

        var firing = tend(tuesday, "alerts", "--json").json().path("alerts");
        var names = new java.util.ArrayList<String>();
        firing.forEach(row -> names.add(row.path("fingerprint").asString()));
        assertThat(names).contains("checklist:daily/active-alerts").doesNotContain("checklist:daily/error-logs");
    }

    @Test
    void preMaintenanceItemsAreDueAheadOfTheNextWindow() {
        var saturday = Instant.parse("2026-11-28T10:00:00Z");
        assertThat(tend(saturday, "checklist", "sign", "before-weekly", "announce", "--as", "alice").exitCode()).isZero();

        var early = tend(saturday, "checklist", "sign", "before-weekly", "health-check", "--as", "alice");
        assertThat(early.exitCode()).as("the T-30m check cannot be signed a day ahead").isEqualTo(2);
        assertThat(early.err()).contains("'Final system health check' is not due yet: it is done between 2026-11-29T01:00:00Z and 2026-11-29T02:00:00Z");

        var states = show("before-weekly", saturday);
        assertThat(item(states, "announce").path("state").asString()).isEqualTo("DONE");
        assertThat(item(states, "announce").path("periodStart").asString()).isEqualTo("2026-11-27T02:00:00Z");
        assertThat(item(states, "health-check").path("periodStart").asString()).isEqualTo("2026-11-29T01:00:00Z");
        assertThat(item(states, "health-check").path("how").asString()).startsWith("due by 2026-11-29T02:00:00Z");
    }

    @Test
    void theStatusPageItemIsTickedWhenTendServeAnnouncesTheOpening() {
        var friday = Instant.parse("2026-11-27T10:00:00Z"); // 40 h before Sunday's 02:00 opening: not yet within the page's 24 h
        var early = tend(friday, "serve", "--for", "300ms", "--listen", "127.0.0.1:0");
        assertThat(early.exitCode()).as(early.err()).isZero();
        assertThat(early.out()).doesNotContain("announced");
        assertThat(item(show("before-weekly", friday), "status-page").path("how").asString())
                .endsWith("waiting for the status page's announcement of window weekly, or the sign-off of someone in the role System Administrator");

        var saturday = Instant.parse("2026-11-28T03:00:00Z");
        var serve = tend(saturday, "serve", "--for", "300ms", "--listen", "127.0.0.1:0");
        assertThat(serve.exitCode()).as(serve.err()).isZero();
        assertThat(serve.out()).contains("status page: announced the maintenance of window weekly at 2026-11-29T02:00:00Z: Planned maintenance from "
                + "2026-11-29T02:00:00Z to 2026-11-29T04:00:00Z (UTC), affecting port, closed.");
        var again = tend(saturday.plusSeconds(3600), "serve", "--for", "300ms", "--listen", "127.0.0.1:0");
        assertThat(again.out()).as("announced once per opening").doesNotContain("announced");

        var item = item(show("before-weekly", saturday.plusSeconds(7200)), "status-page");
        assertThat(item.path("state").asString()).isEqualTo("DONE");
        assertThat(item.path("how").asString()).isEqualTo("evidence: the status page announced the maintenance of window weekly at 2026-11-28T03:00:00Z: "
                + "Planned maintenance from 2026-11-29T02:00:00Z to 2026-11-29T04:00:00Z (UTC), affecting port, closed.");
        assertThat(item(show("before-weekly", saturday.plusSeconds(7200)), "announce").path("state").asString())
                .as("announcing to users is another item").isEqualTo("OPEN");
    }

    private JsonNode show(String checklist, Instant at) {
        var run = tend(at, "checklist", "show", checklist, "--json");
        assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
        return run.json();
    }

    private static JsonNode item(JsonNode checklist, String id) {
        for (var row : checklist.path("items")) {
            if (row.path("id").asString().equals(id) && !row.path("state").asString().equals("OVERDUE")) return row;
        }
        throw new AssertionError("no item " + id + " in " + checklist);
    }

    private Run tend(Instant at, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var all = new java.util.ArrayList<>(java.util.List.of(args));
        all.addAll(java.util.List.of("-c", config.toString()));
        int code = Main.run(new Main.Environment(Clock.fixed(at, ZoneOffset.UTC), new HashMap<String, String>(Map.of())::get),
                new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }
}
