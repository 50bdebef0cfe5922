package dev.tend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tend demo}, the README's first command, end to end on its embedded platform: every part
 * runs, and the alerting part really pages the webhook it starts, signed, then acknowledges and
 * resolves, while the users' webhook hears of the maintenance run.
 */
class DemoTest {
    @TempDir
    Path directory;

    @Test
    void theDemoRunsEveryPartAndPagesItsWebhook() throws Exception {
        var run = demo(Map.of("PATH", System.getenv("PATH")));
        var printed = run.out();

        assertThat(run.exitCode()).as(printed + run.err()).isZero();
        assertThat(printed).containsPattern("verify of molecules \\S+: passed");
        // A task's figures read as "n_dead_tup: 12 → 0", a count without the word.
        assertThat(printed).containsPattern("\n  n_dead_tup: \\d+ → 0\n").doesNotContainPattern("→ \\d+ count");
        assertThat(printed).containsPattern("redis.expire-scan \\(online\\) on redis .*: SUCCEEDED — walked 1 database\\(s\\): \\d+ live keys")
                .containsPattern("run \\d+: COMPLETED \\(tend runbook show \\d+\\)")
                .contains("maintenance-off: succeeded: maintenance mode off", "load-test: succeeded: ");
        assertThat(printed).containsPattern("12 checks: 12 OK").contains("PostgreSQL report", "MAINTENANCE COMPLETE",
                "alert FIRED: api/http", "alert RESOLVED: api/http", "admin acknowledged incident");
        assertThat(printed).contains("The daily \"check error logs\" (tend logs analyze api --since 1h):",
                "17  Database connection failed: timeout after <DUR> to <IP>", "Memory (out of memory, OOM kills, allocation failures, exit code 137): 1 line",
                "GET /api/v1/molecules/<id>").containsPattern("GET /api/v1/search +190 +19 ");
        var oncall = printed.substring(printed.indexOf("What the on-call webhook received:"), printed.indexOf("What the users' webhook received"));
        assertThat(oncall.lines().filter(line -> line.endsWith("(signature verified)")).map(line -> line.trim().split(":")[0]))
                .containsExactly("incident.triggered", "incident.acknowledged", "incident.resolved");
        assertThat(printed).contains("maintenance.started: Daily maintenance has started", "maintenance.ended: Daily maintenance is complete");
        var secret = Files.readString(directory.resolve("demo").resolve("hook-secret")).trim();
        assertThat(secret).startsWith("whsec_");
        assertThat(printed + run.err()).doesNotContain(secret).doesNotContain(secret.substring("whsec_".length()))
                .doesNotContainPattern("Exception|\\bat dev\\.tend\\.");
        assertThat(Files.exists(directory.resolve("tend.db"))).as("the store sits next to --dir").isTrue();
        // Planning: 120 days of made-up history give the volume and the database a trend; the plan is written beside the config.
        assertThat(printed).containsPattern("OK +postgres +forecast:database-size +\\S+ MB +\\+")
                .containsPattern("OK +host +forecast:disk:/ +\\d+% +\\+\\d")
                .contains("app-users: 5 accounts; superusers none; administrators ana, eve; inactive bruno, carla, eve",
                        "rotation api-keys: never recorded as rotated; OVERDUE");
        try (var plans = Files.list(directory.resolve("demo"))) {
            var plan = plans.filter(file -> file.getFileName().toString().matches("capacity-\\d{4}Q\\d\\.html")).findFirst().orElseThrow();
            assertThat(Files.readString(plan)).contains("<h1>Capacity plan ").contains("data:image/png;base64,").contains("host: volume / ");
        }
    }

    @Test
    void withoutThePostgresClientToolsTheDemoSaysSoAndStillFinishesThenServesItsUiAndStatusPage() throws Exception {
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        var code = new java.util.concurrent.atomic.AtomicInteger(-1);
        var demo = Thread.ofPlatform().start(() -> code.set(Main.run(new Main.Environment(Clock.systemUTC(), Map.of("PATH", directory.toString())::get),
                new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--dir", directory.resolve("demo").toString(), "--serve", "--for", "15s")));
        var lines = java.util.regex.Pattern.compile("The status page: (http://127\\.0\\.0\\.1:\\d+)/status");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> lines.matcher(out.toString()).find() || !demo.isAlive());
        var found = lines.matcher(out.toString());
        assertThat(found.find()).as(out + err.toString()).isTrue();
        var http = java.net.http.HttpClient.newHttpClient();
        var status = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(found.group(1) + "/status")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        var password = java.util.regex.Pattern.compile("log in as admin, password (\\S+) ").matcher(out.toString());
        assertThat(password.find()).isTrue();
        var login = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(found.group(1) + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("name=admin&password=" + password.group(1) + "&next=/")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        demo.join(java.time.Duration.ofSeconds(60));

        assertThat(code.get()).as(out + err.toString()).isZero();
        assertThat(out.toString()).contains("skipped: backup molecules failed: pg_dump not found on the PATH", "alert FIRED: api/http",
                "What the on-call webhook received:", "The web UI:      http://127.0.0.1:");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("Molecular data platform (demo) status");
        assertThat(login.statusCode()).as("the printed login works").isEqualTo(302);
        assertThat(err.toString()).isEmpty();
    }

    private CliTest.Run demo(Map<String, String> environment) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.run(new Main.Environment(Clock.systemUTC(), environment::get), new PrintWriter(out), new PrintWriter(err),
                "demo", "--dir", directory.resolve("demo").toString());
        return new CliTest.Run(code, out.toString(), err.toString());
    }
}
