package dev.tend.postgres.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.cli.Main;
import dev.tend.config.Redactor;
import dev.tend.postgres.PostgresConnector;
import dev.tend.postgres.PostgresTarget;
import dev.tend.postgres.PostgresTargets;
import dev.tend.testing.PostgresExtension;
import dev.tend.testing.PostgresServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Tend's real backups (its pg_dump, its verification) run against a database, then the report is read. */
@ExtendWith(PostgresExtension.class)
class OwnActivityReportTest {
    private static final String DB = "own_lab";
    private static final String TABLE = "\"Lab Schema\".\"Order Items\"";
    @TempDir
    Path directory;
    private PostgresServer postgres;
    private Path config;

    @BeforeEach
    void database(PostgresServer server) throws Exception {
        postgres = server;
        postgres.createDatabase(DB);
        postgres.execute(DB, """
                CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
                DROP SCHEMA IF EXISTS "Lab Schema" CASCADE;
                CREATE SCHEMA "Lab Schema";
                CREATE TABLE %s (id int PRIMARY KEY, quantity int);
                INSERT INTO %1$s SELECT g, g %% 7 FROM generate_series(1, 1000) g;
                SELECT pg_stat_statements_reset();""".formatted(TABLE));
        config = directory.resolve("tend.yaml");
        Files.writeString(config, """
                platform: { name: Lab }
                targets:
                  - { name: db, type: postgres, url: "%s", report: { longQuery: 0s, idleInTransaction: 0s, slowQueryMean: 0ms } }
                backups:
                  - { name: lab, target: db, destination: "%s" }
                store: { path: "%s" }
                """.formatted(postgres.url(DB), directory.resolve("backups"), directory.resolve("tend.db")));
    }

    @Test
    void aBackupRunningDuringTheReportIsNotTheApplicationsLongQuery() throws Exception {
        var target = PostgresTargets.of(postgres, DB, "report: { longQuery: 0s, idleInTransaction: 0s }");
        try (var blocker = postgres.connect(DB)) {
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("LOCK TABLE " + TABLE + " IN ACCESS EXCLUSIVE MODE"); // holds pg_dump at its locks
            var backup = CompletableFuture.supplyAsync(() -> tend("backup", "create", "lab"));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> count(
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'tend' AND query LIKE 'LOCK TABLE%' AND wait_event_type = 'Lock'") == 1);

            var findings = new PgReport(target.reportPolicy(), Redactor.none()).run(target, Duration.ofSeconds(10));
            var everything = new PgReport(target.reportPolicy().withIncludeOwn(true), Redactor.none()).run(target, Duration.ofSeconds(10));
            blocker.rollback();
            assertThat(backup.get().code()).as(backup.get().err()).isZero();

            assertThat(findings).noneSatisfy(f -> assertThat(f.detail()).containsAnyOf("LOCK TABLE " + TABLE + " IN ACCESS SHARE", "(postgres, tend"));
            assertThat(findings).anySatisfy(f -> { // the application's session in Tend's way stays
                assertThat(f.kind()).isEqualTo("idle_in_transaction");
                assertThat(f.detail()).contains("LOCK TABLE " + TABLE + " IN ACCESS EXCLUSIVE MODE");
            });
            var note = findings.stream().filter(f -> f.kind().equals("own_activity") && f.object().equals("sessions")).findFirst().orElseThrow();
            assertThat(note.detail()).matches("\\d+ findings left out, about Tend's own sessions \\(application_name tend, also its pg_dump\\)");
            assertThat(note.figures().get(0).value()).isGreaterThanOrEqualTo(2); // pg_dump's wait and its long query at least
            assertThat(everything).anySatisfy(f -> {
                assertThat(f.kind()).isEqualTo("long_running_query");
                assertThat(f.detail()).contains("(postgres, tend)").contains("LOCK TABLE " + TABLE + " IN ACCESS SHARE MODE");
            });
            assertThat(everything).noneSatisfy(f -> assertThat(f.kind()).isEqualTo("own_activity"));
        }
    }

    @Test
    void tendsOwnStatementsAreNotTheApplicationsSlowQueries() throws Exception {
        assertThat(tend("backup", "create", "lab").code()).isZero();
        assertThat(tend("backup", "verify", "lab").code()).isZero();
        // Not vacuous: pg_stat_statements did keep pg_dump's COPY and Tend's marked statements.
        assertThat(count("SELECT count(*) FROM pg_stat_statements WHERE query LIKE 'COPY %TO stdout'")).isPositive();
        assertThat(count("SELECT count(*) FROM pg_stat_statements WHERE query LIKE '" + PostgresConnector.MARK + "%'")).isPositive();

        var report = json(tend("pg", "report", "db", "--json"));
        var slow = objects(report, "slow_query");
        assertThat(slow).isNotEmpty().noneMatch(query -> query.startsWith("COPY ") || query.startsWith(PostgresConnector.MARK)
                || query.contains("tend_verify_"));
        var note = finding(report, "own_activity", "pg_stat_statements");
        assertThat(note.path("figures").path("left_out").path("value").asDouble()).isGreaterThanOrEqualTo(3); // COPY, CREATE and DROP DATABASE
        assertThat(note.path("fix").asString()).isEqualTo("tend pg report --include-own (or report: {includeOwn: true}) lists them");

        var all = json(tend("pg", "report", "db", "--json", "--include-own"));
        assertThat(objects(all, "slow_query")).anyMatch(query -> query.startsWith(PostgresConnector.MARK + "CREATE DATABASE \"tend_verify_lab_"));
        assertThat(objects(all, "own_activity")).isEmpty();
    }

    @Test
    void aSessionOfTendsInTheApplicationsWayIsStillReported() throws Exception {
        var target = PostgresTargets.of(postgres, DB);
        try (var tendSession = PostgresConnector.open(target, Duration.ofSeconds(30)); var waiter = postgres.connect(DB)) {
            tendSession.setAutoCommit(false);
            tendSession.createStatement().execute("LOCK TABLE " + TABLE + " IN SHARE MODE");
            var waiting = CompletableFuture.runAsync(() -> {
                try (var statement = waiter.createStatement()) {
                    statement.execute("UPDATE " + TABLE + " SET quantity = 0");
                } catch (SQLException ignored) {
                    // ends when Tend's session lets go
                }
            });
            try {
                Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                        assertThat(new PgReport(target.reportPolicy(), Redactor.none()).run(target, Duration.ofSeconds(10))).anySatisfy(f -> {
                            assertThat(f.kind()).isEqualTo("blocking_lock");
                            assertThat(f.detail()).contains("held as ShareLock by pid").contains("(postgres, tend, idle in transaction: ");
                        }));
            } finally {
                tendSession.rollback();
                waiting.get();
            }
        }
    }

    private record Run(int code, String out, String err) {}

    private Run tend(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var arguments = new java.util.ArrayList<>(List.of(args));
        arguments.addAll(List.of("-c", config.toString()));
        var environment = Map.of("PATH", System.getenv("PATH"));
        int code = Main.run(new Main.Environment(Clock.systemUTC(), environment::get), new PrintWriter(out), new PrintWriter(err),
                arguments.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    private static JsonNode json(Run run) {
        assertThat(run.err()).isEmpty();
        return JsonMapper.builder().build().readTree(run.out());
    }

    private static List<String> objects(JsonNode report, String kind) {
        return StreamSupport.stream(report.path("findings").spliterator(), false).filter(f -> f.path("kind").asString().equals(kind))
                .map(f -> f.path("object").asString()).toList();
    }

    private static JsonNode finding(JsonNode report, String kind, String object) {
        return StreamSupport.stream(report.path("findings").spliterator(), false)
                .filter(f -> f.path("kind").asString().equals(kind) && f.path("object").asString().equals(object)).findFirst().orElseThrow();
    }

    private long count(String sql) throws SQLException {
        try (var connection = postgres.connect(DB); var rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
