package dev.tend.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.access.ApiTokens;
import dev.tend.access.AuditLog;
import dev.tend.access.Role;
import dev.tend.alert.AlertService;
import dev.tend.check.CheckResult;
import dev.tend.check.ResultHistory;
import dev.tend.check.Status;
import dev.tend.config.StoreSettings;
import dev.tend.config.TendConfig;
import dev.tend.registry.BuiltIn;
import dev.tend.store.Database;
import dev.tend.store.Stores;
import dev.tend.target.Address;
import dev.tend.testing.MovableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** tend serve's HTTP API over a real socket: who may call what, problem details, ETags, the audit log. */
class WebApiTest {
    private static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");

    @TempDir
    Path directory;

    private final MovableClock clock = new MovableClock(NOW);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Database store;
    private TendConfig config;
    private WebServer server;
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private long alertId;

    @BeforeEach
    void start() throws Exception {
        store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")));
        config = BuiltIn.configLoader(Map.<String, String>of()::get).parse("""
                platform: { name: Lab }
                targets:
                  - { name: db, type: tcp, address: "127.0.0.1:1", description: "the main database" }
                  - { name: api, type: tcp, address: "127.0.0.1:2", dependsOn: [db] }
                alerting: { fireAfter: 1 }
                """, Path.of("tend.yaml"));
        var failing = List.of(new CheckResult("db", "connect", Status.CRIT, "connection refused", List.of(), NOW, Duration.ofMillis(3)));
        new ResultHistory(store).save(failing);
        new AlertService(config, store, clock).evaluate(failing);
        alertId = new AlertService(config, store, clock).alerts(false).getFirst().id();
        var created = new ApiTokens(store);
        for (var role : Role.values()) tokens.put(role.label(), created.create(role.label(), role, "test", NOW).value());
        tokens.put("revoked", created.create("old", Role.ADMIN, "test", NOW).value());
        created.revoke("old", NOW);
        server = WebServer.start(new WebContext(config, store, clock), new Address("127.0.0.1", 0));
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    @Test
    void everyRouteAnswersEachCallerAsItsAccessSays() throws Exception {
        var table = new ArrayList<String>();
        var callers = List.of("none", "viewer", "operator", "admin", "revoked");
        for (var route : WebServer.routes(new WebContext(config, store, clock))) {
            for (var caller : callers) {
                var response = call(route.method(), route.path().replace("{id}", Long.toString(alertId)).replaceAll("\\{[a-z]+\\}", "db"), caller, "{\"comment\": \"looking\"}");
                int expected = route.page() && caller.equals("none") && route.access() != Access.PUBLIC ? 302 : expected(route.access(), caller);
                int actual = response.statusCode();
                boolean ok = expected == 0 ? actual != 401 && actual != 403 && actual < 500 : actual == expected;
                if (!ok) table.add(route.method() + " " + route.path() + " as " + caller + ": " + actual + ", expected " + (expected == 0 ? "allowed" : expected));
                if (actual == 401 || actual == 403) {
                    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
                }
            }
        }
        assertThat(table).as("route × caller").isEmpty();
        assertThat(server.routes()).extracting(Route::path).contains("/livez", "/readyz", "/api/v1/targets", "/api/v1/incidents");
    }

    @Test
    void forecastsAndKeptReportsAreTheApisToo() throws Exception {
        // 20 days of a volume filling half a point a day, rolled up as tend serve does.
        var results = new ArrayList<CheckResult>();
        for (int ago = 19; ago >= 0; ago--) {
            results.add(new CheckResult("db", "disk:/data", Status.OK, "disk", List.of(new dev.tend.check.Measurement("used", 60 - 0.5 * ago, "%")),
                    NOW.minus(Duration.ofDays(ago)), Duration.ofMillis(2)));
        }
        new ResultHistory(store).save(results);
        var rollups = new dev.tend.check.DailyRollups(store, dev.tend.window.MaintenanceWindows.none());
        for (int ago = 19; ago >= 0; ago--) rollups.rollUp(java.time.LocalDate.ofInstant(NOW, java.time.ZoneOffset.UTC).minusDays(ago));
        var hostConfig = BuiltIn.configLoader(Map.<String, String>of()::get).parse("""
                platform: { name: Lab }
                targets:
                  - { name: db, type: host, volumes: [/data], resources: { enabled: false } }
                """, Path.of("tend.yaml"));
        long kept = new dev.tend.report.Reports(store).save("capacity", "report", "2026Q4", NOW, "# plan", "{}");
        new dev.tend.report.Reports(store).sign(kept, new dev.tend.report.StoredReport.Signature("sam", "System Administrator", "expand /data", NOW));
        server.close();
        server = WebServer.start(new WebContext(hostConfig, store, clock), new Address("127.0.0.1", 0));

        var forecasts = JsonMapper.builder().build().readTree(call("GET", "/api/v1/forecasts", "viewer", null).body());
        var reports = JsonMapper.builder().build().readTree(call("GET", "/api/v1/reports", "viewer", null).body());

        assertThat(forecasts.get(0).path("check").asString()).isEqualTo("forecast:disk:/data");
        assertThat(forecasts.get(0).path("trend30").path("perDay").asDouble()).isEqualTo(0.5);
        assertThat(forecasts.get(0).path("levels").get(0).path("date").asString()).isEqualTo(java.time.LocalDate.ofInstant(NOW, java.time.ZoneOffset.UTC).plusDays(20).toString());
        assertThat(reports.get(0).path("kind").asString()).isEqualTo("capacity");
        assertThat(reports.get(0).path("signedBy").asString()).isEqualTo("sam");
        assertThat(reports.get(0).has("markdown")).as("the text stays out of the list").isFalse();
    }

    /** 0: allowed (any answer but 401, 403 or 5xx); otherwise the status expected. */
    private static int expected(Access access, String caller) {
        if (access == Access.PUBLIC) return 0;
        if (caller.equals("none") || caller.equals("revoked")) return 401;
        return Role.parse(caller).orElseThrow().allows(access.role().orElseThrow()) ? 0 : 403;
    }

    @Test
    void targetsCarryTheirLatestResultsAndAMatchingETagGets304() throws Exception {
        var first = call("GET", "/api/v1/targets", "viewer", null);
        assertThat(first.statusCode()).isEqualTo(200);
        var targets = JsonMapper.builder().build().readTree(first.body());
        assertThat(targets).hasSize(2);
        assertThat(targets.get(0).path("name").asString()).isEqualTo("db");
        assertThat(targets.get(0).path("status").asString()).isEqualTo("CRIT");
        assertThat(targets.get(0).path("checks").get(0).path("reason").asString()).isEqualTo("connection refused");
        assertThat(targets.get(1).path("status").asString()).as("never checked is not OK").isEqualTo("UNKNOWN");
        assertThat(first.headers().firstValue("X-Total-Count")).contains("2");

        var etag = first.headers().firstValue("ETag").orElseThrow();
        var again = http.send(request("GET", "/api/v1/targets", "viewer", null).header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        var paged = call("GET", "/api/v1/targets?per_page=1&page=2", "viewer", null);
        assertThat(JsonMapper.builder().build().readTree(paged.body()).get(0).path("name").asString()).isEqualTo("api");
        assertThat(paged.headers().firstValue("Link").orElseThrow()).contains("rel=\"prev\"", "rel=\"first\"").doesNotContain("rel=\"next\"");
    }

    @Test
    void badInputGetsProblemDetailsThatSayWhatIsWrong() throws Exception {
        var notANumber = call("GET", "/api/v1/incidents/seven", "viewer", null);
        var unknown = call("GET", "/api/v1/incidents/999", "viewer", null);
        var badPage = call("GET", "/api/v1/targets?per_page=0", "viewer", null);
        var badDuration = call("POST", "/api/v1/alerts/" + alertId + "/acknowledge", "operator", "{\"for\": \"soon\"}");
        var notJson = call("POST", "/api/v1/alerts/" + alertId + "/acknowledge", "operator", "{nope");
        var noRoute = call("GET", "/api/v1/nothing", "viewer", null);

        for (var response : List.of(notANumber, unknown, badPage, badDuration, notJson, noRoute)) {
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            var problem = JsonMapper.builder().build().readTree(response.body());
            assertThat(problem.path("status").asInt()).isEqualTo(response.statusCode());
            assertThat(problem.path("detail").asString()).isNotBlank().doesNotContain("Exception").doesNotContain("dev.tend");
        }
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(badPage.body()).contains("per_page=0: use 1 to 500");
        assertThat(badDuration.body()).contains("for: 'soon' is not a duration");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(noRoute.statusCode()).isEqualTo(404);
        assertThat(new AlertService(config, store, clock).incidents(false).getFirst().acknowledgedBy()).as("nothing half-done").isEmpty();
    }

    @Test
    void anAcknowledgementOverHttpIsTheServicesAndLandsInTheAuditLog() throws Exception {
        var response = call("POST", "/api/v1/alerts/" + alertId + "/acknowledge", "operator", "{\"comment\": \"restarting the pool\", \"for\": \"2h\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        var incident = JsonMapper.builder().build().readTree(response.body());
        assertThat(incident.path("state").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(incident.path("acknowledgedBy").asString()).isEqualTo("token operator");
        assertThat(incident.path("ackUntil").asString()).isEqualTo("2026-12-01T05:00:00Z");
        var timeline = JsonMapper.builder().build().readTree(call("GET", "/api/v1/incidents/" + incident.path("id").asLong(), "viewer", null).body());
        assertThat(timeline.path("timeline").toString()).contains("ACKNOWLEDGED", "restarting the pool");
        assertThat(new AuditLog(store).recent(10)).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("token operator");
            assertThat(entry.action()).isEqualTo("alert.acknowledge");
            assertThat(entry.detail()).contains("alert " + alertId, "for 2h", "restarting the pool");
            assertThat(entry.source()).isEqualTo("http 127.0.0.1");
        });
    }

    @Test
    void notesResolvesHistoryAndTasksAreTheApisToo() throws Exception {
        var incident = new AlertService(config, store, clock).incidents(false).getFirst().id();
        var note = call("POST", "/api/v1/incidents/" + incident + "/notes", "operator", "{\"text\": \"pool exhausted\"}");
        assertThat(note.statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/v1/incidents/" + incident + "/notes", "operator", "{\"text\": \" \"}").statusCode()).isEqualTo(400);
        var history = JsonMapper.builder().build().readTree(call("GET", "/api/v1/checks/db/connect/history", "viewer", null).body());
        assertThat(history).singleElement().satisfies(result -> assertThat(result.path("status").asString()).isEqualTo("CRIT"));
        assertThat(call("GET", "/api/v1/tasks", "viewer", null).body()).contains("target=NAME is needed");
        assertThat(call("GET", "/api/v1/tasks?target=db", "viewer", null).body()).isEqualTo("[]");
        assertThat(call("GET", "/api/v1/checklists", "viewer", null).body()).isEqualTo("[]");

        var resolved = call("POST", "/api/v1/alerts/" + alertId + "/resolve", "operator", "{\"comment\": \"restarted\"}");
        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(JsonMapper.builder().build().readTree(resolved.body()).path("state").asString()).isEqualTo("OK");
        var again = call("POST", "/api/v1/alerts/" + alertId + "/resolve", "operator", "{}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("is not firing");
        assertThat(new AuditLog(store).recent(10)).extracting(AuditLog.Entry::action).containsExactly("alert.resolve", "incident.note");
    }

    @Test
    void noTokenIsStoredOrEchoed() throws Exception {
        var answers = new StringBuilder();
        for (var path : List.of("/api/v1/targets", "/api/v1/alerts?all=true", "/api/v1/incidents?all=true", "/readyz", "/api/v1/nothing")) {
            answers.append(call("GET", path, "admin", null).body());
        }
        answers.append(call("GET", "/api/v1/targets", "revoked", null).body());
        var stored = new String(Files.readAllBytes(directory.resolve("tend.db")), java.nio.charset.StandardCharsets.ISO_8859_1);
        for (var token : tokens.values()) {
            assertThat(answers.toString()).doesNotContain(token);
            assertThat(stored).doesNotContain(token).doesNotContain(token.substring(ApiTokens.PREFIX.length()));
        }
    }

    @Test
    void livenessAlwaysReadinessOnlyWithTheStore() throws Exception {
        assertThat(call("GET", "/livez", "none", null).body()).isEqualTo("ok\n");
        assertThat(call("GET", "/readyz", "none", null).statusCode()).isEqualTo(200);
        store.close();
        var notReady = call("GET", "/readyz", "none", null);
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.body()).contains("does not answer");
        assertThat(call("GET", "/livez", "none", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aCallerTurnedAwayBeforeItsBodyArrivedCanUseTheConnectionAgain() throws Exception {
        var post = WebServer.routes(new WebContext(config, store, clock)).stream()
                .filter(route -> route.method().equals("POST") && route.access() != Access.PUBLIC && !route.page()).findFirst().orElseThrow();
        var path = post.path().replace("{id}", Long.toString(alertId)).replaceAll("\\{[a-z]+\\}", "db");
        try (var socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
            var body = "{\"comment\": \"looking\"}";
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                    + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300); // the body comes late, as over a slow network
            out.write(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            assertThat(in.readLine()).startsWith("HTTP/1.1 401");
            skipAnswer(in);
            out.write("GET /livez HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            assertThat(in.readLine()).as("the next request on the same connection").isEqualTo("HTTP/1.1 200 OK");
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedAsTooLargeNotAFailure() throws Exception {
        // Bodies are read before the caller is checked: one over the server's limit (1 MB) is refused by the server
        // itself, plainly, and never reaches a handler as a failure.
        var post = WebServer.routes(new WebContext(config, store, clock)).stream()
                .filter(route -> route.method().equals("POST") && route.access() != Access.PUBLIC && !route.page()).findFirst().orElseThrow();
        var path = post.path().replace("{id}", Long.toString(alertId)).replaceAll("\\{[a-z]+\\}", "db");
        var response = call("POST", path, "admin", "{\"comment\": \"" + "x".repeat(2 << 20) + "\"}");
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("Content Too Large");
    }

    /** Reads an answer's headers and its body (by Content-Length). */
    private static void skipAnswer(java.io.BufferedReader in) throws Exception {
        int length = 0;
        String line;
        while ((line = in.readLine()) != null && !line.isEmpty()) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) length = Integer.parseInt(line.substring(15).strip());
        }
        for (int read = 0; read < length; read++) in.read();
    }

    @Test
    void aPortInUseIsRefusedWithTheAddressNamed() {
        var taken = new Address("127.0.0.1", server.port());
        var failure = org.assertj.core.api.Assertions.catchThrowable(() -> WebServer.start(new WebContext(config, store, clock), taken));
        assertThat(failure).hasMessageStartingWith("serve.listen 127.0.0.1:" + server.port() + ": cannot listen there")
                .hasMessageContaining("--listen");
    }

    private HttpResponse<String> call(String method, String path, String caller, String body) throws Exception {
        return http.send(request(method, path, caller, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String method, String path, String caller, String body) {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (!caller.equals("none")) builder.header("Authorization", "Bearer " + tokens.get(caller));
        if (body != null) builder.header("Content-Type", "application/json");
        return builder;
    }
}
