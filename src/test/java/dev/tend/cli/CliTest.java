package dev.tend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.task.TaskOutcomes;
import dev.tend.testing.FreePorts;
import dev.tend.testing.PostgresExtension;
import dev.tend.testing.PostgresServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The CLI as a user meets it: exit codes, output formats, and what never gets printed. */
@ExtendWith(PostgresExtension.class)
class CliTest {
    @TempDir
    Path directory;

    record Run(int exitCode, String out, String err) {}

    @Test
    void checkPrintsJsonAndExitsZeroWhenAllIsWell() throws Exception {
        try (var listening = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            var config = write("""
                    platform: { name: Lab }
                    targets:
                      - { name: port, type: tcp, address: "127.0.0.1:%d" }
                    store: { path: "%s" }
                    """.formatted(listening.getLocalPort(), directory.resolve("tend.db")));

            var run = tend(Map.of(), "check", "--json", "-c", config.toString());

            assertThat(run.exitCode()).isZero();
            var result = JsonMapper.builder().build().readTree(run.out()).path("results").get(0);
            assertThat(result.path("target").asString()).isEqualTo("port");
            assertThat(result.path("check").asString()).isEqualTo("connect");
            assertThat(result.path("status").asString()).isEqualTo("OK");
            assertThat(result.path("durationMs").isNumber()).isTrue();
            assertThat(result.path("measurements").path("latency").path("unit").asString()).isEqualTo("ms");
        }
    }

    @Test
    void checkExitsOneOnAnyFindingAndPrintsATable() throws Exception {
        var config = write("""
                platform: { name: Lab }
                targets:
                  - { name: gone, type: tcp, address: "127.0.0.1:%d" }
                store: { path: "%s" }
                """.formatted(FreePorts.next(), directory.resolve("tend.db")));

        var run = tend(Map.of(), "check", "-c", config.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("TARGET").contains("gone").contains("CRIT").contains("connection refused")
                .contains("1 checks: 0 OK, 0 WARN, 1 CRIT, 0 UNKNOWN");
        assertThat(run.out()).doesNotContain("\u001b["); // no colours when not on a terminal
    }

    @Test
    void anInvalidConfigExitsTwoWithEveryProblemAndNoStackTrace() throws Exception {
        var config = write("""
                platform: { name: Lab, timezone: Mars/Olympus }
                targets:
                  - { name: db, type: postgres, url: "postgresql://h/db", colour: blue }
                  - { name: api, type: http, url: "http://h/health", dependsOn: [cache] }
                """);

        var run = tend(Map.of(), "validate", "-c", config.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(config + ":1:").contains("unknown time zone 'Mars/Olympus'")
                .contains(config + ":3:").contains("unknown key 'colour'")
                .contains(config + ":4:").contains("no target named 'cache'")
                .contains("3 problems found; nothing was run.")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aPasswordFromTheEnvironmentNeverAppearsInAnyOutput(PostgresServer postgres) throws Exception {
        postgres.createDatabase("app");
        var wrongPassword = "Leak-Me-" + postgres.password();
        var config = write("""
                platform: { name: Lab }
                targets:
                  - { name: db, type: postgres, url: "postgresql://%s@127.0.0.1:%d/app", password: "${env:APP_PW}" }
                store: { path: "%s" }
                """.formatted(postgres.passwordUser(), postgres.port(), directory.resolve("tend.db")));
        var environment = Map.of("APP_PW", wrongPassword);

        var table = tend(environment, "check", "-c", config.toString());
        var json = tend(environment, "check", "--json", "-c", config.toString());
        var validate = tend(environment, "validate", "-c", config.toString());

        assertThat(table.exitCode()).isEqualTo(1);
        assertThat(table.out()).contains("password authentication failed");
        for (var run : new Run[] {table, json, validate}) {
            assertThat(run.out() + run.err()).doesNotContain(wrongPassword).doesNotContain(postgres.password());
        }
    }

    @Test
    void anUnknownTargetIsAUsageError() throws Exception {
        var config = write("""
                platform: { name: Lab }
                targets:
                  - { name: db, type: tcp, address: "127.0.0.1:5432" }
                """);

        var run = tend(Map.of(), "check", "--target", "cache", "-c", config.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no target named 'cache'; targets: db");
    }

    @Test
    void theConfigPathComesFromTendConfigWhenNoOptionIsGiven() throws Exception {
        var config = write("""
                platform: { name: From the environment }
                targets: []
                """);

        var run = tend(Map.of("TEND_CONFIG", config.toString()), "validate");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("valid — platform From the environment: 0 targets");
    }

    @Test
    void schemaDescribesEveryTargetTypeStrictly() throws Exception {
        var run = tend(Map.of(), "schema");

        assertThat(run.exitCode()).isZero();
        JsonNode schema = JsonMapper.builder().build().readTree(run.out());
        assertThat(schema.path("$schema").asString()).contains("2020-12");
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
        var target = schema.path("properties").path("targets").path("items");
        assertThat(target.path("properties").path("type").path("enum").toString())
                .contains("postgres", "redis", "s3", "http", "tcp", "tls", "host", "docker");
        assertThat(target.path("allOf").get(0).path("then").path("properties").path("password").path("description").asString())
                .contains("${env:");
    }

    @Test
    void pgReportPrintsFindingsAsJsonAndExitsOneWhenThereAreAny(PostgresServer postgres) throws Exception {
        postgres.createDatabase("cli_report");
        postgres.execute("cli_report", "CREATE TABLE IF NOT EXISTS items (id int, name text); "
                + "CREATE INDEX IF NOT EXISTS items_name ON items (name)");
        var config = write("""
                platform: { name: Lab }
                targets:
                  - { name: db, type: postgres, url: "%s" }
                  - { name: port, type: tcp, address: "127.0.0.1:5432" }
                """.formatted(postgres.url("cli_report")));

        var run = tend(Map.of(), "pg", "report", "db", "--json", "-c", config.toString());
        var notPostgres = tend(Map.of(), "pg", "report", "port", "-c", config.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        var report = JsonMapper.builder().build().readTree(run.out());
        assertThat(report.path("target").asString()).isEqualTo("db");
        assertThat(report.path("findings").toString()).contains("\"kind\":\"unused_index\"").contains("\"object\":\"public.items_name\"")
                .contains("\"fix\":\"DROP INDEX CONCURRENTLY public.items_name\"");
        assertThat(notPostgres.exitCode()).isEqualTo(2);
        assertThat(notPostgres.err()).contains("'port' is a tcp target; pg report needs a postgres target");
    }

    @Test
    void runPrintsTheExactSqlOfADryRunAndRecordsIt(PostgresServer postgres) throws Exception {
        postgres.createDatabase("cli_run");
        postgres.execute("cli_run", "CREATE TABLE IF NOT EXISTS \"Mixed Case\" (id int)");
        var store = directory.resolve("tend.db");
        var config = write("""
                platform: { name: Lab }
                targets:
                  - { name: db, type: postgres, url: "%s" }
                store: { path: "%s" }
                """.formatted(postgres.url("cli_run"), store));

        var dryRun = tend(Map.of(), "run", "pg.vacuum", "--target", "db", "--table", "Mixed Case", "--dry-run", "-c", config.toString());
        var unknown = tend(Map.of(), "run", "pg.defrag", "--target", "db", "-c", config.toString());

        assertThat(dryRun.exitCode()).isZero();
        assertThat(dryRun.out()).contains("pg.vacuum (online) on db (public.Mixed Case): PLANNED")
                .contains("  VACUUM (ANALYZE) public.\"Mixed Case\";");
        try (var reopened = dev.tend.store.Stores.open(dev.tend.config.StoreSettings.sqlite(store))) {
            assertThat(new TaskOutcomes(reopened).recent("db", 5)).singleElement()
                    .satisfies(outcome -> assertThat(outcome.result()).isEqualTo(dev.tend.task.TaskOutcome.Result.PLANNED));
        }
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown action 'pg.defrag'; actions: ").contains("pg.vacuum").contains("redis.bgsave");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        var run = tend(Map.of(), "check", "--jsno");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--jsno'");
    }

    private Path write(String yaml) throws Exception {
        var file = Files.createTempFile(directory, "tend", ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static Run tend(Map<String, String> environment, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.run(new Main.Environment(Clock.systemUTC(), environment::get), new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }
}
