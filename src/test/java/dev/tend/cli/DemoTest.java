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
        assertThat(printed).containsPattern("11 checks: 11 OK").contains("PostgreSQL report", "MAINTENANCE COMPLETE",
                "alert FIRED: api/http", "alert RESOLVED: api/http", "admin acknowledged incident");
        var oncall = printed.substring(printed.indexOf("What the on-call webhook received:"), printed.indexOf("What the users' webhook received"));
        assertThat(oncall.lines().filter(line -> line.endsWith("(signature verified)")).map(line -> line.trim().split(":")[0]))
                .containsExactly("incident.triggered", "incident.acknowledged", "incident.resolved");
        assertThat(printed).contains("maintenance.started: Daily maintenance has started", "maintenance.ended: Daily maintenance is complete");
        var secret = Files.readString(directory.resolve("demo").resolve("hook-secret")).trim();
        assertThat(secret).startsWith("whsec_");
        assertThat(printed + run.err()).doesNotContain(secret).doesNotContain(secret.substring("whsec_".length()))
                .doesNotContainPattern("Exception|\\bat dev\\.tend\\.");
        assertThat(Files.exists(directory.resolve("tend.db"))).as("the store sits next to --dir").isTrue();
    }

    @Test
    void withoutThePostgresClientToolsTheDemoSaysSoAndStillFinishes() throws Exception {
        var run = demo(Map.of("PATH", directory.toString()));

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("skipped: backup molecules failed: pg_dump not found on the PATH", "alert FIRED: api/http",
                "What the on-call webhook received:");
        assertThat(run.err()).isEmpty();
    }

    private CliTest.Run demo(Map<String, String> environment) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.run(new Main.Environment(Clock.systemUTC(), environment::get), new PrintWriter(out), new PrintWriter(err),
                "demo", "--dir", directory.resolve("demo").toString());
        return new CliTest.Run(code, out.toString(), err.toString());
    }
}
