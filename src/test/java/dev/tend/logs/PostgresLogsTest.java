package dev.tend.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.logs.analyze.LogAnalyzer;
import dev.tend.logs.analyze.LogReport;
import dev.tend.testing.FreePorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A real PostgreSQL 15 writes its stderr log, csvlog and jsonlog at once while the test provokes
 * a deadlock, a lock timeout, a unique violation, a division by zero and a missing relation, and
 * logs every statement's duration; each of the three files is then detected and analyzed.
 */
class PostgresLogsTest {
    @TempDir
    static Path directory;
    private static Path logs;

    @BeforeAll
    static void writeTheLogs() throws Exception {
        logs = directory.resolve("log");
        var postgres = EmbeddedPostgres.builder()
                .setPort(FreePorts.next())
                .setDataDirectory(directory.resolve("data"))
                .setCleanDataDirectory(true)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", directory.toString())
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_destination", "stderr,csvlog,jsonlog")
                .setServerConfig("log_directory", logs.toString())
                .setServerConfig("log_filename", "postgresql.log")
                .setServerConfig("log_min_duration_statement", "0")
                .setServerConfig("deadlock_timeout", "100ms")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        try (postgres) {
            try (var setup = postgres.getPostgresDatabase().getConnection(); var statement = setup.createStatement()) {
                statement.execute("CREATE TABLE accounts (id int PRIMARY KEY, balance int)");
                statement.execute("INSERT INTO accounts VALUES (1, 100), (2, 100)");
                for (int id = 0; id < 5; id++) statement.execute("SELECT balance FROM accounts WHERE id = " + id);
                expectError(setup, "SELECT 1 / 0");
                expectError(setup, "SELECT * FROM no_such_table");
                expectError(setup, "INSERT INTO accounts VALUES (1, 5)");
            }
            deadlock(postgres);
            lockTimeout(postgres);
        }
        // Stopping flushes the collector; the files stay.
    }

    @ParameterizedTest
    @CsvSource({"postgresql.log, postgres", "postgresql.csv, postgres-csv", "postgresql.json, postgres-json"})
    void eachOfTheThreeLogsIsDetectedAndAnalyzed(String file, String format) throws Exception {
        var opened = LogSources.open(LogSourceSettings.ofPath(logs.resolve(file).toString()), ZoneOffset.UTC, null);
        assertThat(opened.format().name()).isEqualTo(format);

        var report = LogAnalyzer.analyze(file, opened.files(), opened.format(), new LogAnalyzer.Options(null, LogLevel.ERROR, Duration.ofSeconds(1)),
                template -> true, Instant.now());
        assertThat(report.complete()).isTrue();
        assertThat(report.totals().unmatched()).as(report.unmatched().toString()).isZero();
        var kinds = report.database().byKind();
        assertThat(kinds).containsEntry("deadlocks", 1L).containsEntry("lock timeouts", 1L);
        assertThat(report.database().byClass()).containsKeys("22 data exception", "42 syntax error or access rule violation",
                "23 integrity constraint violation", "40 transaction rollback", "55 object not in prerequisite state");
        // stderr adds the error's position ("at character 15") to the message; csvlog and jsonlog keep it apart.
        assertThat(report.errors()).extracting(LogReport.Pattern::template)
                .anyMatch(template -> template.equals("deadlock detected"))
                .anyMatch(template -> template.equals("division by zero"))
                .anyMatch(template -> template.startsWith("canceling statement due to lock timeout"));
        assertThat(report.statements()).extracting(LogReport.Statement::statement).contains("SELECT balance FROM accounts WHERE id = ?");
        var select = report.statements().stream().filter(statement -> statement.statement().equals("SELECT balance FROM accounts WHERE id = ?"))
                .findFirst().orElseThrow();
        assertThat(select.count()).isEqualTo(5);
    }

    private static void expectError(Connection connection, String sql) {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
            throw new AssertionError(sql + " should have failed");
        } catch (SQLException expected) {
            // logged by the server, which is the point
        }
    }

    /** Two sessions lock the two rows in opposite orders: PostgreSQL kills one of them. */
    private static void deadlock(EmbeddedPostgres postgres) throws Exception {
        var bothLocked = new CountDownLatch(2);
        Runnable first = () -> crossLock(postgres, 1, 2, bothLocked);
        Runnable second = () -> crossLock(postgres, 2, 1, bothLocked);
        // Two threads of their own: the common pool may have one on a two-core machine, and then nothing crosses.
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            CompletableFuture.allOf(CompletableFuture.runAsync(first, threads), CompletableFuture.runAsync(second, threads)).get(30, TimeUnit.SECONDS);
        }
    }

    private static void crossLock(EmbeddedPostgres postgres, int mine, int theirs, CountDownLatch bothLocked) {
        try (var connection = postgres.getPostgresDatabase().getConnection()) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("UPDATE accounts SET balance = balance - 1 WHERE id = " + mine);
                bothLocked.countDown();
                bothLocked.await(10, TimeUnit.SECONDS);
                statement.execute("UPDATE accounts SET balance = balance + 1 WHERE id = " + theirs);
                connection.commit();
            } catch (SQLException deadlockVictim) {
                connection.rollback();
            }
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void lockTimeout(EmbeddedPostgres postgres) throws SQLException {
        try (var holder = postgres.getPostgresDatabase().getConnection(); var waiter = postgres.getPostgresDatabase().getConnection()) {
            holder.setAutoCommit(false);
            try (var statement = holder.createStatement()) {
                statement.execute("LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE");
            }
            try (var statement = waiter.createStatement()) {
                statement.execute("SET lock_timeout = '100ms'");
            }
            expectError(waiter, "SELECT * FROM accounts");
            holder.rollback();
        }
    }

    @AfterAll
    static void listWhatWasWritten() throws Exception {
        try (var files = Files.list(logs)) {
            assertThat(files.map(path -> path.getFileName().toString())).contains("postgresql.log", "postgresql.csv", "postgresql.json");
        }
    }
}
