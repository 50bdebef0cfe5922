package dev.tend.postgres;

import static dev.tend.check.RunChecks.measurement;
import static dev.tend.check.RunChecks.named;
import static dev.tend.check.RunChecks.oneTarget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.check.CheckResult;
import dev.tend.check.RunChecks;
import dev.tend.check.Status;
import dev.tend.testing.FreePorts;
import dev.tend.testing.PostgresExtension;
import dev.tend.testing.PostgresServer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresChecksTest {
    private static PostgresServer postgres;

    @BeforeAll
    static void database(PostgresServer server) throws Exception {
        postgres = server;
        postgres.createDatabase("app");
    }

    @Test
    void aHealthyDatabaseIsOkWithItsFigures() throws Exception {
        var results = RunChecks.run(oneTarget("name: db, type: postgres, url: \"" + postgres.url("app") + "\""));

        assertThat(results).extracting(CheckResult::check).containsExactly("ping", "connections", "database-size");
        assertThat(results).allSatisfy(result -> assertThat(result.status()).isEqualTo(Status.OK));
        assertThat(named(results, "ping").reason()).startsWith("PostgreSQL 15.").contains("answered SELECT 1");
        assertThat(measurement(named(results, "ping"), "server_version_num")).isBetween(150000.0, 159999.0);
        assertThat(measurement(named(results, "connections"), "max_connections")).isGreaterThan(0);
        assertThat(measurement(named(results, "database-size"), "size")).isGreaterThan(1_000_000);
    }

    @Test
    void theSizeCheckSamplesWhatCapacityForecastsNeed() throws Exception {
        postgres.createDatabase("grows");
        postgres.execute("grows", "CREATE TABLE big AS SELECT g AS id, repeat('x', 200) AS pad FROM generate_series(1, 20000) g");
        postgres.execute("grows", "CREATE TABLE small (id int)");
        // A smallint-ranged sequence a quarter used: 8191 of 32766 steps.
        postgres.execute("grows", "CREATE SEQUENCE ticket AS smallint MINVALUE 1; SELECT setval('ticket', 8192)");

        var results = RunChecks.run(oneTarget("name: db, type: postgres, url: \"" + postgres.url("grows") + "\""));

        var size = named(results, "database-size");
        assertThat(measurement(size, "largest_table")).isGreaterThan(4_000_000).isLessThan(measurement(size, "size"));
        assertThat(measurement(size, "xid_age")).isGreaterThan(0).isLessThan(2_147_483_648.0);
        assertThat(measurement(size, "sequence_used")).isCloseTo(25.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(measurement(size, "cache_hit")).isGreaterThan(50).isLessThanOrEqualTo(100);
    }

    @Test
    void theReportRunsAsACheckWhenAskedTo() throws Exception {
        var results = RunChecks.run(oneTarget("name: db, type: postgres, url: \"" + postgres.url("app") + "\", report: {check: true}"));

        var report = named(results, "report");
        // PostgreSQL's default autovacuum scale factors are laxer than the runbook's policy.
        assertThat(report.status()).isEqualTo(Status.WARN);
        assertThat(report.reason()).contains("2 autovacuum_setting").endsWith("details: tend pg report db");
        assertThat(measurement(report, "findings")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aStoppedDatabaseIsCriticalWithTheReason() throws Exception {
        var results = RunChecks.run(oneTarget("name: db, type: postgres, url: \"postgresql://postgres@127.0.0.1:"
                + FreePorts.next() + "/app\""));

        assertThat(results).allSatisfy(result -> {
            assertThat(result.status()).isEqualTo(Status.CRIT);
            assertThat(result.reason()).containsIgnoringCase("connection").containsIgnoringCase("refused");
        });
    }

    @Test
    void crossedThresholdsWarnWithTheFigures() throws Exception {
        var results = RunChecks.run(oneTarget("name: db, type: postgres, url: \"" + postgres.url("app") + "\", "
                + "connections: { warn: 0.01, crit: 99 }, size: { warn: 1MB, crit: 10GB }"));

        var connections = named(results, "connections");
        assertThat(connections.status()).isEqualTo(Status.WARN);
        assertThat(connections.reason()).matches("\\d+ of \\d+ connections in use \\(.*%\\), over the 0.0% threshold; .*");
        var size = named(results, "database-size");
        assertThat(size.status()).isEqualTo(Status.WARN);
        assertThat(size.reason()).contains("over the 1.0 MB threshold");
    }

    @Test
    void aPasswordFromTheEnvironmentWorksAndNeverAppearsWhenItIsWrong() throws Exception {
        var yaml = oneTarget("name: db, type: postgres, url: \"postgresql://" + postgres.passwordUser() + "@127.0.0.1:"
                + postgres.port() + "/app\", password: \"${env:APP_DB_PASSWORD}\"");

        var good = RunChecks.run(yaml, Clock.systemUTC(), Map.of("APP_DB_PASSWORD", postgres.password()));
        var wrongPassword = "Wr0ng-" + postgres.password();
        var bad = RunChecks.run(yaml, Clock.systemUTC(), Map.of("APP_DB_PASSWORD", wrongPassword));

        assertThat(named(good, "ping").status()).isEqualTo(Status.OK);
        assertThat(bad).allSatisfy(result -> {
            assertThat(result.status()).isEqualTo(Status.CRIT);
            assertThat(result.reason()).contains("password authentication failed").doesNotContain(wrongPassword);
        });
        assertThat(List.of(good, bad).toString()).doesNotContain(postgres.password());
    }
}
