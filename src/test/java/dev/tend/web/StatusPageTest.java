package dev.tend.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.tend.check.CheckResult;
import dev.tend.check.ResultHistory;
import dev.tend.check.Status;
import dev.tend.cli.Main;
import dev.tend.config.StoreSettings;
import dev.tend.registry.BuiltIn;
import dev.tend.store.Database;
import dev.tend.store.Stores;
import dev.tend.target.Address;
import dev.tend.testing.MovableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public status page over HTTP: components from check results (internal targets hidden), a
 * maintenance followed from its announcement through a real maintenance run to completion,
 * incidents people publish, every JSON answer valid against Statuspage's enumerations.
 */
class StatusPageTest {
    /** Saturday 5 December 2026, 03:00 UTC: 23 hours before the weekly window opens. */
    private static final Instant SATURDAY = Instant.parse("2026-12-05T03:00:00Z");
    private static final Instant SUNDAY_0205 = Instant.parse("2026-12-06T02:05:00Z");
    private static final List<String> JSON = List.of("summary.json", "status.json", "components.json", "incidents.json", "incidents/unresolved.json",
            "scheduled-maintenances.json", "scheduled-maintenances/upcoming.json", "scheduled-maintenances/active.json");

    @TempDir
    Path directory;

    private final MovableClock clock = new MovableClock(SATURDAY);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(StatusPageTest.class.getResourceAsStream("/statuspage-v2.schema.json"), InputFormat.JSON);
    private Path config;
    private Database store;
    private WebServer server;

    @BeforeEach
    void start() throws Exception {
        config = Files.writeString(directory.resolve("tend.yaml"), """
                platform: { name: Lab }
                targets:
                  - { name: db, type: tcp, address: "127.0.0.1:1" }
                  - { name: web, type: tcp, address: "127.0.0.1:2", dependsOn: [db] }
                  - { name: nginx, type: tcp, address: "127.0.0.1:3" }
                  - { name: worker, type: tcp, address: "127.0.0.1:4", description: "internal batch worker" }
                statusPage:
                  title: Lab platform status
                  components:
                    - { name: Database, targets: [db] }
                    - { name: Website, description: "the public site", targets: [web, nginx] }
                windows:
                  - { name: weekly, cron: "0 2 * * SUN", duration: 2h, timezone: UTC, targets: [web] }
                schedules:
                  - { name: nightly-check, run: check, cron: "0 1 * * *", timezone: UTC }
                people:
                  - { name: alice, roles: [System Administrator] }
                runbooks:
                  - name: upgrade
                    title: Website upgrade
                    window: weekly
                    steps:
                      - { name: deploy, manual: "Deploy the new release", role: System Administrator }
                      - { name: confirm, manual: "Confirm the site works", role: System Administrator, phase: verify }
                alerting: { fireAfter: 1 }
                store: { path: "%s" }
                """.formatted(directory.resolve("tend.db")));
        store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")));
        var loaded = BuiltIn.configLoader(Map.<String, String>of()::get).load(config);
        server = WebServer.start(new WebContext(loaded, store, clock), new Address("127.0.0.1", 0));
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    @Test
    void componentsFollowTheChecksInternalTargetsAreHiddenAndEveryAnswerIsStatuspageJson() throws Exception {
        new ResultHistory(store).save(List.of(result("db", Status.CRIT), result("web", Status.OK), result("nginx", Status.CRIT), result("worker", Status.CRIT)));

        var summary = json("summary.json");
        assertThat(summary.path("page").path("name").asString()).isEqualTo("Lab platform status");
        assertThat(components(summary)).containsExactly("Database=major_outage", "Website=partial_outage");
        assertThat(summary.path("status").path("indicator").asString()).isEqualTo("critical");
        assertThat(summary.toString()).doesNotContain("worker").doesNotContain("127.0.0.1:4").doesNotContain("\"db\"");
        for (var name : JSON) {
            var body = get("/status/api/v2/" + name).body();
            assertThat(schema.validate(body, InputFormat.JSON)).as(name).isEmpty();
        }
        var page = get("/status");
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("Lab platform status", "Major System Outage", "Partial outage", "the public site").doesNotContain("worker");

        clock.advance(Duration.ofSeconds(5));
        new ResultHistory(store).save(List.of(result("db", Status.OK), result("web", Status.OK), result("nginx", Status.WARN)));
        assertThat(components(json("summary.json"))).containsExactly("Database=operational", "Website=degraded_performance");
        assertThat(json("status.json").path("status").path("indicator").asString()).isEqualTo("minor");
    }

    @Test
    void aMaintenanceIsAnnouncedThenFollowsItsRunThroughProgressAndVerificationToCompletion() throws Exception {
        var upcoming = json("scheduled-maintenances/upcoming.json").path("scheduled_maintenances");
        assertThat(upcoming).hasSize(1);
        assertThat(upcoming.get(0).path("name").asString()).isEqualTo("Website upgrade");
        assertThat(upcoming.get(0).path("status").asString()).isEqualTo("scheduled");
        assertThat(upcoming.get(0).path("scheduled_for").asString()).isEqualTo("2026-12-06T02:00:00Z");
        assertThat(upcoming.get(0).path("components").get(0).path("name").asString()).isEqualTo("Website");
        assertThat(get("/status").body()).contains("Scheduled maintenance", "Website upgrade");

        clock.set(SUNDAY_0205);
        assertThat(tend("runbook", "run", "upgrade", "--as", "alice").out()).contains("WAITING");
        var active = json("scheduled-maintenances/active.json").path("scheduled_maintenances");
        assertThat(active).singleElement().satisfies(maintenance -> assertThat(maintenance.path("status").asString()).isEqualTo("in_progress"));
        assertThat(components(json("components.json"))).contains("Website=under_maintenance", "Database=operational");
        assertThat(get("/status").body()).contains("Maintenance in progress", "Under maintenance");

        clock.advance(Duration.ofMinutes(20));
        assertThat(tend("runbook", "sign", "1", "deploy", "--as", "alice").exitCode()).isZero();
        assertThat(json("scheduled-maintenances/active.json").path("scheduled_maintenances").get(0).path("status").asString()).isEqualTo("verifying");

        clock.advance(Duration.ofMinutes(10));
        assertThat(tend("runbook", "sign", "1", "confirm", "--as", "alice").out()).contains("COMPLETED");
        var all = json("scheduled-maintenances.json").path("scheduled_maintenances");
        var done = all.get(0);
        assertThat(done.path("status").asString()).isEqualTo("completed");
        assertThat(done.path("resolved_at").asString()).as("when the last step was signed").startsWith("2026-12-06T02:35:");
        var statuses = new ArrayList<String>();
        done.path("incident_updates").forEach(update -> statuses.add(update.path("status").asString()));
        assertThat(statuses).containsExactly("completed", "verifying", "in_progress", "scheduled");
        assertThat(json("scheduled-maintenances/active.json").path("scheduled_maintenances")).isEmpty();
        assertThat(components(json("components.json"))).contains("Website=operational");
        for (var name : JSON) assertThat(schema.validate(get("/status/api/v2/" + name).body(), InputFormat.JSON)).as(name).isEmpty();
        assertThat(get("/status/feed.atom").body()).contains("[Maintenance] Website upgrade — completed");
    }

    @Test
    void anIncidentTendProposesIsPublishedByAPersonUpdatedAndResolved() throws Exception {
        var failing = List.of(result("db", Status.CRIT));
        new ResultHistory(store).save(failing);
        new dev.tend.alert.AlertService(BuiltIn.configLoader(Map.<String, String>of()::get).load(config), store, clock).evaluate(failing);

        var proposed = tend("status");
        assertThat(proposed.out()).contains("Proposed (open incidents touching public components, not published):", "incident 1 [CRITICAL] db/connect",
                "→ Database", "tend status publish --from 1");
        var refused = tend("status", "publish", "--from", "1", "--title", "Database down", "--impact", "catastrophic", "--message", "Looking.");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("impact 'catastrophic': use none, minor, major, critical");
        var published = tend("status", "publish", "--from", "1", "--title", "Database unavailable", "--impact", "major", "--message",
                "The database does not answer; we are on it.", "--as", "alice");
        assertThat(published.out()).contains("published incident 1 on the status page: Database unavailable (investigating, impact major)");
        assertThat(tend("status").out()).doesNotContain("Proposed");

        var unresolved = json("incidents/unresolved.json").path("incidents");
        assertThat(unresolved).singleElement().satisfies(incident -> {
            assertThat(incident.path("name").asString()).isEqualTo("Database unavailable");
            assertThat(incident.path("status").asString()).isEqualTo("investigating");
            assertThat(incident.path("components").get(0).path("name").asString()).isEqualTo("Database");
            assertThat(incident.toString()).doesNotContain("alice");
        });
        assertThat(get("/status").body()).contains("Current incidents", "Database unavailable", "The database does not answer; we are on it.");

        clock.advance(Duration.ofMinutes(30));
        tend("status", "update", "1", "--status", "resolved", "--message", "The database is back.", "--as", "alice");
        assertThat(json("incidents/unresolved.json").path("incidents")).isEmpty();
        var resolved = json("incidents.json").path("incidents").get(0);
        assertThat(resolved.path("status").asString()).isEqualTo("resolved");
        assertThat(resolved.path("resolved_at").asString()).as("when it was resolved").startsWith("2026-12-05T03:30:");
        assertThat(resolved.path("incident_updates")).hasSize(2);
        assertThat(get("/status/feed.rss").body()).contains("<title>Database unavailable — resolved</title>");
        assertThat(tend("audit").out()).contains("alice  status.update", "alice  status.publish");
    }

    @Test
    void theApiListsTheWindowsTheRunsAndTheBackupsAndATokenCannotSignForAPerson() throws Exception {
        var token = new dev.tend.access.ApiTokens(store).create("ops", dev.tend.access.Role.OPERATOR, "test", SATURDAY).value();
        var windows = JsonMapper.builder().build().readTree(api("GET", "/api/v1/windows?days=8", token, null).body());
        assertThat(windows).hasSize(2);
        assertThat(windows.get(0).path("start").asString()).isEqualTo("2026-12-06T02:00:00Z");
        assertThat(windows.get(0).path("targets").get(0).asString()).isEqualTo("web");
        var plan = JsonMapper.builder().build().readTree(api("GET", "/api/v1/plan?days=2", token, null).body());
        assertThat(plan).hasSize(2).allSatisfy(run -> {
            assertThat(run.path("schedule").asString()).isEqualTo("nightly-check");
            assertThat(run.path("outcome").asString()).isEqualTo("RUNS");
        });
        assertThat(plan.get(0).path("due").asString()).endsWith("T01:00:00Z");

        clock.set(SUNDAY_0205);
        tend("runbook", "run", "upgrade", "--as", "alice");
        var runs = JsonMapper.builder().build().readTree(api("GET", "/api/v1/runs", token, null).body());
        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.path("state").asString()).isEqualTo("WAITING");
            assertThat(run.path("waitingFor").asString()).isEqualTo("deploy");
            assertThat(run.path("waitingRole").asString()).isEqualTo("System Administrator");
        });
        var refused = api("POST", "/api/v1/runs/1/sign", token, "{\"step\": \"deploy\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("token ops is not a person under people:");
        assertThat(JsonMapper.builder().build().readTree(api("GET", "/api/v1/runs/1", token, null).body()).path("events").toString())
                .contains("ANNOUNCED: Website upgrade");
        assertThat(api("GET", "/api/v1/backups", token, null).body()).isEqualTo("[]");
    }

    private HttpResponse<String> api(String method, String path, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the90DayBarsComeFromTheDailyRollupsWithMaintenanceLeftOut() throws Exception {
        var friday = java.time.LocalDate.parse("2026-12-04");
        var results = new ArrayList<CheckResult>();
        for (int hour = 0; hour < 24; hour++) {
            var at = friday.atTime(hour, 0).toInstant(java.time.ZoneOffset.UTC);
            results.add(new CheckResult("db", "connect", hour < 6 ? Status.CRIT : Status.OK, "r", List.of(), at, Duration.ofMillis(3)));
            results.add(new CheckResult("web", "connect", Status.OK, "r", List.of(), at, Duration.ofMillis(3)));
        }
        new ResultHistory(store).save(results);
        var loaded = BuiltIn.configLoader(Map.<String, String>of()::get).load(config);
        new dev.tend.check.DailyRollups(store, dev.tend.schedule.WindowsSection.calendar(loaded)).rollUp(friday);
        clock.advance(Duration.ofMinutes(10)); // past the bars' reuse

        var page = get("/status").body();
        assertThat(page).contains("title=\"2026-12-04: 75.00% up\"", "class=\"down\"", "title=\"2026-12-04: 100.00% up\"", "class=\"up\"",
                "75.00 % uptime (maintenance not counted)", "100.00 % uptime (maintenance not counted)",
                "title=\"2026-09-07 to 2026-12-03 (88 days): no data\"", "style=\"flex-grow: 88\"", "title=\"2026-12-05: no data\"");
    }

    @Test
    void anUnchangedPageAnswers304AndSaysProxiesMayServeItStale() throws Exception {
        var first = get("/status/api/v2/summary.json");
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("stale-if-error=86400");
        var etag = first.headers().firstValue("ETag").orElseThrow();
        clock.advance(Duration.ofSeconds(5)); // rebuilt, nothing changed
        var again = http.send(HttpRequest.newBuilder(URI.create(url("/status/api/v2/summary.json"))).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);

        clock.advance(Duration.ofSeconds(5));
        new ResultHistory(store).save(List.of(result("db", Status.CRIT)));
        var changed = http.send(HttpRequest.newBuilder(URI.create(url("/status/api/v2/summary.json"))).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(changed.statusCode()).isEqualTo(200);
    }

    private CheckResult result(String target, Status status) {
        return new CheckResult(target, "connect", status, target + " is " + status, List.of(), clock.instant(), Duration.ofMillis(3));
    }

    private static List<String> components(JsonNode body) {
        var list = new ArrayList<String>();
        body.path("components").forEach(component -> list.add(component.path("name").asString() + "=" + component.path("status").asString()));
        return list;
    }

    private JsonNode json(String name) throws Exception {
        clock.advance(Duration.ofSeconds(5)); // past the render's staleness bound: rebuilt on this request, whatever the background did
        var response = get("/status/api/v2/" + name);
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    record Run(int exitCode, String out, String err) {}

    private Run tend(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-c", config.toString()));
        int code = Main.run(new Main.Environment(clock, Map.of("USER", "root")::get), new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }
}
