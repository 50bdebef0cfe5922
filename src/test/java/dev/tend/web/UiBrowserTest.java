package dev.tend.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.access.Role;
import dev.tend.access.WebUsers;
import dev.tend.alert.AlertService;
import dev.tend.check.CheckResult;
import dev.tend.check.ResultHistory;
import dev.tend.check.Status;
import dev.tend.cli.Main;
import dev.tend.config.StoreSettings;
import dev.tend.registry.BuiltIn;
import dev.tend.store.Stores;
import dev.tend.target.Address;
import dev.tend.testing.Browser;
import dev.tend.testing.MovableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The UI as an on-call engineer uses it, in a real Chromium: log in, see the failing target,
 * acknowledge its incident, sign the manual steps of a waiting maintenance run, and watch the
 * status page go from "under maintenance" to "completed". Screenshots under target/screenshots.
 */
class UiBrowserTest {
    private static final Instant SUNDAY_0205 = Instant.parse("2026-12-06T02:05:00Z");
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path directory;

    @Test
    void logInAcknowledgeSignAndWatchTheStatusPage() throws Exception {
        var clock = new MovableClock(SUNDAY_0205);
        var config = Files.writeString(directory.resolve("tend.yaml"), """
                platform: { name: Lab }
                targets:
                  - { name: db, type: tcp, address: "127.0.0.1:1" }
                  - { name: web, type: tcp, address: "127.0.0.1:2" }
                statusPage:
                  title: Lab platform status
                  components:
                    - { name: Database, targets: [db] }
                    - { name: Website, targets: [web] }
                windows:
                  - { name: weekly, cron: "0 2 * * SUN", duration: 2h, timezone: UTC, targets: [web] }
                people:
                  - { name: alice, roles: [System Administrator] }
                oncall:
                  - { name: primary, people: [alice], shift: weekly, handoff: "09:00", timezone: UTC, start: 2026-11-30 }
                checklists:
                  - { name: daily, template: daily }
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
        var loaded = BuiltIn.configLoader(Map.<String, String>of()::get).load(config);
        try (var store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")))) {
            var results = List.of(new CheckResult("db", "connect", Status.CRIT, "connection refused", List.of(), clock.instant(), Duration.ofMillis(3)),
                    new CheckResult("web", "connect", Status.OK, "open", List.of(), clock.instant(), Duration.ofMillis(2)));
            new ResultHistory(store).save(results);
            new AlertService(loaded, store, clock).evaluate(results);
            var users = new WebUsers(store, 4);
            users.setPassword("alice", Role.OPERATOR, PASSWORD.toCharArray(), clock.instant());
            try (var server = WebServer.start(new WebContext(loaded, store, clock), new Address("127.0.0.1", 0), users);
                    var browser = Browser.start()) {
                var base = "http://127.0.0.1:" + server.port();
                var driver = browser.driver();

                driver.get(base + "/incidents");
                assertThat(driver.getCurrentUrl()).contains("/login");
                driver.findElement(By.id("name")).sendKeys("alice");
                driver.findElement(By.id("password")).sendKeys(PASSWORD);
                driver.findElement(By.id("login")).click();
                assertThat(driver.getCurrentUrl()).endsWith("/incidents");
                driver.get(base + "/");
                assertThat(driver.findElement(By.id("summary")).getText()).isEqualTo("1 of 2 target(s) not OK.");
                assertThat(driver.findElement(By.cssSelector("tr[data-target=db]")).getText()).contains("CRIT", "connection refused");
                browser.screenshot("ui-1-overview");

                driver.get(base + "/incidents");
                assertThat(driver.findElement(By.id("oncall")).getText()).contains("primary: alice until");
                driver.findElement(By.cssSelector("tr[data-incident='1'] a")).click();
                driver.findElement(By.name("comment")).sendKeys("restarting the database");
                driver.findElement(By.name("for")).sendKeys("1h");
                driver.findElement(By.cssSelector("#ack button")).click();
                assertThat(driver.findElement(By.id("state")).getText()).isEqualTo("ACKNOWLEDGED");
                assertThat(driver.findElement(By.id("timeline")).getText()).contains("ACKNOWLEDGED", "restarting the database");
                browser.screenshot("ui-2-acknowledged");

                assertThat(tend(config, clock, "runbook", "run", "upgrade", "--as", "alice").out()).contains("WAITING");
                clock.advance(Duration.ofSeconds(5));
                driver.get(base + "/status");
                assertThat(driver.findElement(By.cssSelector("li[data-component=website] .status")).getText()).isEqualTo("Under maintenance");
                assertThat(driver.findElement(By.id("active-maintenance")).getText()).contains("Website upgrade", "in progress");
                browser.screenshot("ui-3-status-under-maintenance");

                driver.get(base + "/maintenance");
                assertThat(driver.findElement(By.id("windows")).getText()).contains("weekly: 2026-12-06T02:00:00Z → 2026-12-06T04:00:00Z (open now)");
                var errorLogs = By.cssSelector("#checklist-daily tr[data-item=error-logs]");
                assertThat(driver.findElement(errorLogs).getText()).startsWith("OPEN");
                driver.findElement(By.cssSelector("#checklist-daily tr[data-item=error-logs] input[name=comment]")).sendKeys("no errors");
                driver.findElement(By.cssSelector("#checklist-daily tr[data-item=error-logs] button")).click();
                assertThat(driver.findElement(By.id("message")).getText()).contains("signed daily/error-logs (Check error logs)", "as alice");
                assertThat(driver.findElement(errorLogs).getText()).startsWith("DONE");
                assertThat(driver.findElement(By.cssSelector("tr[data-run='1']")).getText()).contains("deploy", "Deploy the new release");
                driver.findElement(By.cssSelector("#sign-1 input[name=comment]")).sendKeys("release 2.4 deployed");
                driver.findElement(By.cssSelector("#sign-1 button")).click();
                assertThat(driver.findElement(By.id("message")).getText()).contains("Signed deploy of run 1");
                browser.screenshot("ui-4-signed-deploy");
                clock.advance(Duration.ofMinutes(10));
                driver.findElement(By.cssSelector("#sign-1 button")).click();
                assertThat(driver.findElement(By.id("message")).getText()).contains("Signed confirm of run 1: the run is COMPLETED");

                clock.advance(Duration.ofSeconds(5));
                driver.get(base + "/status?after-completion"); // the browser keeps /status for 10 s (max-age), as it should
                assertThat(driver.findElement(By.cssSelector("li[data-component=website] .status")).getText()).isEqualTo("Operational");
                assertThat(driver.findElement(By.id("history")).getText()).contains("Website upgrade", "completed", "Maintenance completed.");
                browser.screenshot("ui-5-status-completed");
                assertThat(driver.getPageSource()).doesNotContain(PASSWORD);
            }
            assertThat(tend(config, clock, "audit").out()).contains("alice  checklist.sign  daily/error-logs", "alice  runbook.sign  run 1 step confirm", "alice  alert.acknowledge  incident 1 for 1h");
        }
    }

    record Run(int exitCode, String out, String err) {}

    private static Run tend(Path config, MovableClock clock, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("-c", config.toString()));
        int code = Main.run(new Main.Environment(clock, Map.of("USER", "root")::get), new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }
}
