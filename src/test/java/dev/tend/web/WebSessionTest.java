package dev.tend.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.access.Role;
import dev.tend.access.WebUsers;
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
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** People in the browser: log in, pages behind the session, CSRF on every form, the lockout after repeated failures. */
class WebSessionTest {
    private static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path directory;

    private final MovableClock clock = new MovableClock(NOW);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Database store;
    private TendConfig config;
    private WebServer server;

    @BeforeEach
    void start() throws Exception {
        store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")));
        config = BuiltIn.configLoader(Map.<String, String>of()::get).parse("""
                platform: { name: Lab }
                targets:
                  - { name: db, type: tcp, address: "127.0.0.1:1" }
                people:
                  - { name: alice, roles: [On-call Engineer] }
                  - { name: victor, roles: [Security Team] }
                alerting: { fireAfter: 1 }
                serve: { trustedProxies: ["127.0.0.1"] }
                """, Path.of("tend.yaml"));
        var failing = List.of(new CheckResult("db", "connect", Status.CRIT, "connection refused", List.of(), NOW, Duration.ofMillis(3)));
        new ResultHistory(store).save(failing);
        new AlertService(config, store, clock).evaluate(failing);
        var users = new WebUsers(store, 4);
        users.setPassword("alice", Role.OPERATOR, PASSWORD.toCharArray(), NOW);
        users.setPassword("victor", Role.VIEWER, PASSWORD.toCharArray(), NOW);
        server = WebServer.start(new WebContext(config, store, clock), new Address("127.0.0.1", 0), users);
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    @Test
    void aPersonLogsInSeesTheFailingTargetAndAddsANoteOnlyWithTheCsrfToken() throws Exception {
        var anonymous = get("/incidents", null);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).contains("/login?next=%2Fincidents");

        var login = login("alice", PASSWORD, "/incidents");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).contains("/incidents");
        var setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("tend_session=", "HttpOnly", "SameSite=Strict", "Path=/");
        var cookie = setCookie.substring(0, setCookie.indexOf(';'));

        var overview = get("/", cookie);
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("1 of 1 target(s) not OK", "connection refused", "alice (operator)", "<i class=\"s-CRIT\"",
                "href=\"/checks/db/connect\"");
        var check = get("/checks/db/connect", cookie);
        assertThat(check.statusCode()).isEqualTo(200);
        assertThat(check.body()).contains("<svg", "duration and status of the last 1 results", "connection refused", "Alert: FIRING, CRITICAL, incident 1");
        assertThat(get("/checks/nowhere/connect", cookie).statusCode()).isEqualTo(404);
        var incident = get("/incidents/1", cookie).body();
        var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(incident);
        assertThat(csrf.find()).isTrue();

        var forged = post("/incidents/1/note", cookie, Map.of("text", "forged"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("missing or wrong CSRF token");
        var wrong = post("/incidents/1/note", cookie, Map.of("text", "forged", "_csrf", "not-the-token"));
        assertThat(wrong.statusCode()).isEqualTo(403);
        var noted = post("/incidents/1/note", cookie, Map.of("text", "pool exhausted; restarting", "_csrf", csrf.group(1)));
        assertThat(noted.statusCode()).isEqualTo(302);
        var acked = post("/incidents/1/acknowledge", cookie, Map.of("comment", "on it", "for", "2h", "_csrf", csrf.group(1)));
        assertThat(acked.statusCode()).isEqualTo(302);

        var timeline = new AlertService(config, store, clock).timeline(1);
        assertThat(timeline).extracting(entry -> entry.kind() + " " + entry.actor()).contains("NOTE alice", "ACKNOWLEDGED alice")
                .doesNotContain("NOTE forged");
        assertThat(timeline.toString()).doesNotContain("forged");
        assertThat(get("/incidents/1", cookie).body()).contains("ACKNOWLEDGED", "pool exhausted; restarting");

        assertThat(get("/incidents/1", cookie).body()).contains("Tell the public?");
        var publishedEmpty = post("/incidents/1/publish", cookie, Map.of("title", "", "message", "x", "_csrf", csrf.group(1)));
        assertThat(publishedEmpty.statusCode()).isEqualTo(400);
        assertThat(publishedEmpty.body()).contains("title: one line", "nothing was published");
        var published = post("/incidents/1/publish", cookie, Map.of("title", "Database unavailable", "impact", "major", "message", "We are on it.",
                "_csrf", csrf.group(1)));
        assertThat(published.statusCode()).isEqualTo(302);
        assertThat(new dev.tend.status.StatusIncidents(store).recent(NOW.minus(Duration.ofDays(1)), 10)).singleElement()
                .satisfies(shown -> assertThat(shown.name()).isEqualTo("Database unavailable"));
        assertThat(get("/incidents/1", cookie).body()).doesNotContain("Tell the public?");
        assertThat(get("/incidents", cookie).body()).contains("On the status page", "Database unavailable", "investigating · impact major");
        var update = post("/status-incidents/1/update", cookie, Map.of("status", "resolved", "message", "The database is back.", "_csrf", csrf.group(1)));
        assertThat(update.statusCode()).isEqualTo(302);
        assertThat(get(update.headers().firstValue("Location").orElseThrow(), cookie).body()).contains("Status page incident 1 is now resolved.");
        assertThat(new dev.tend.status.StatusIncidents(store).find(1).orElseThrow().status()).isEqualTo("resolved");
        assertThat(post("/status-incidents/1/update", cookie, Map.of("status", "fixed", "message", "x", "_csrf", csrf.group(1))).body())
                .contains("status 'fixed': use investigating, identified, monitoring, resolved, postmortem");
        var alertId = new AlertService(config, store, clock).alerts(false).getFirst().id();
        assertThat(post("/alerts/" + alertId + "/resolve", cookie, Map.of("incident", "1", "_csrf", csrf.group(1))).statusCode()).isEqualTo(302);
        assertThat(new AlertService(config, store, clock).incidents(false)).as("its only alert resolved, the incident too").isEmpty();

        var logout = post("/logout", cookie, Map.of("_csrf", csrf.group(1)));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(get("/", cookie).statusCode()).as("the session ended").isEqualTo(302);
        var stored = new String(Files.readAllBytes(directory.resolve("tend.db")), StandardCharsets.ISO_8859_1);
        assertThat(stored).doesNotContain(cookie.substring(cookie.indexOf('=') + 1)).doesNotContain(PASSWORD);
    }

    @Test
    void aViewerMayLookButNotAct() throws Exception {
        var cookie = cookie(login("victor", PASSWORD, "/"));
        new dev.tend.task.TaskOutcomes(store).save(new dev.tend.task.TaskOutcome("pg.vacuum", "db", "public.orders", dev.tend.task.TaskOutcome.Result.SUCCEEDED,
                "vacuumed", false, NOW, Duration.ofSeconds(2), List.of("VACUUM public.orders"),
                List.of(new dev.tend.check.Measurement("dead_rows", 1200, "rows")), List.of(new dev.tend.check.Measurement("dead_rows", 0, "rows"))));
        assertThat(get("/tasks?target=db", cookie).body()).contains("pg.vacuum", "public.orders", "SUCCEEDED", "dead_rows: 1200.0 rows", "dead_rows: 0.0 rows");
        assertThat(get("/backups", cookie).body()).contains("No backups configured.");
        var page = get("/incidents/1", cookie).body();
        assertThat(page).doesNotContain("Acknowledge");
        var token = Pattern.compile("X-CSRF-Token\": \"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        var refused = post("/incidents/1/acknowledge", cookie, Map.of("_csrf", token.group(1)));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("victor is viewer; this needs operator");
    }

    @Test
    void fiveWrongPasswordsLockTheNameForFifteenMinutesEvenForTheRightOne() throws Exception {
        for (int attempt = 1; attempt <= 4; attempt++) {
            var wrong = login("alice", "guess number " + attempt, "/");
            assertThat(wrong.statusCode()).isEqualTo(200);
            assertThat(wrong.body()).contains("Wrong name or password.");
        }
        var fifth = login("alice", "guess number 5", "/");
        assertThat(fifth.statusCode()).isEqualTo(429);
        assertThat(fifth.body()).contains("locked until 2026-12-01T03:15:00Z");
        assertThat(login("alice", PASSWORD, "/").statusCode()).as("locked: even the right password").isEqualTo(429);
        assertThat(login("nobody", "whatever it is", "/").body()).as("an unknown name reads the same").contains("Wrong name or password.");

        clock.advance(Duration.ofMinutes(16));
        assertThat(login("alice", PASSWORD, "/").statusCode()).isEqualTo(302);
    }

    @Test
    void failuresFromOneAddressAcrossManyNamesAreThrottledWithoutLockingAnyoneOut() throws Exception {
        for (int attempt = 1; attempt <= LoginThrottle.BURST; attempt++) {
            var wrong = login("sprayed-" + attempt, "Winter2026!", "/", "198.51.100.7");
            assertThat(wrong.statusCode()).as("attempt " + attempt).isEqualTo(200);
        }
        var throttled = login("alice", PASSWORD, "/", "198.51.100.7");
        assertThat(throttled.statusCode()).as("even the right password waits").isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).contains("6");
        assertThat(throttled.body()).contains("Too many failed attempts from your address: try again in 6 s.");
        assertThat(login("alice", PASSWORD, "/", "203.0.113.9").statusCode()).as("another client behind the same proxy").isEqualTo(302);
        assertThat(new dev.tend.access.AuditLog(store).recent(5)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("login.throttled");
            assertThat(entry.source()).isEqualTo("http 198.51.100.7");
        });
        assertThat(new dev.tend.access.WebUsers(store).lockedUntil("alice", clock.instant())).as("no name was locked").isEmpty();

        clock.advance(LoginThrottle.REFILL);
        assertThat(login("alice", PASSWORD, "/", "198.51.100.7").statusCode()).as("one attempt back after " + LoginThrottle.REFILL).isEqualTo(302);
    }

    @Test
    void afterLoginOnlyPathsOfThisSiteAreFollowed() throws Exception {
        assertThat(login("alice", PASSWORD, "//evil.example/").headers().firstValue("Location")).contains("/");
        assertThat(login("alice", PASSWORD, "https://evil.example/").headers().firstValue("Location").orElseThrow()).doesNotContain("evil");
    }

    private HttpResponse<String> login(String name, String password, String next) throws Exception {
        return post("/login", null, Map.of("name", name, "password", password, "next", next));
    }

    /** As the trusted proxy in front of Tend would send it, for a client at {@code client}. */
    private HttpResponse<String> login(String name, String password, String next, String client) throws Exception {
        return post("/login", null, Map.of("name", name, "password", password, "next", next), "X-Forwarded-For", client);
    }

    private static String cookie(HttpResponse<String> login) {
        var header = login.headers().firstValue("Set-Cookie").orElseThrow();
        return header.substring(0, header.indexOf(';'));
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(Duration.ofSeconds(10));
        if (cookie != null) request.header("Cookie", cookie);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String cookie, Map<String, String> form, String... headers) throws Exception {
        var body = String.join("&", form.entrySet().stream().map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8)).toList());
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) request.header("Cookie", cookie);
        if (headers.length > 0) request.headers(headers);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
