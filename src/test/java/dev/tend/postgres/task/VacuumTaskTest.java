package dev.tend.postgres.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.check.Measurement;
import dev.tend.postgres.PostgresTarget;
import dev.tend.postgres.PostgresTargets;
import dev.tend.task.TaskOutcome.Result;
import dev.tend.task.TaskRequest;
import dev.tend.testing.PostgresExtension;
import dev.tend.testing.PostgresServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class VacuumTaskTest {
    private static final String DB = "vacuum_lab";
    private static final String TABLE = "\"Lab Schema\".\"Churn \"\"Table\"\"\"";
    private static PostgresServer postgres;
    private static PostgresTarget target;

    @BeforeAll
    static void database(PostgresServer server) throws Exception {
        postgres = server;
        postgres.createDatabase(DB);
        target = PostgresTargets.of(postgres, DB);
    }

    @BeforeEach
    void churn() throws Exception {
        postgres.execute(DB, """
                CREATE SCHEMA IF NOT EXISTS "Lab Schema";
                DROP TABLE IF EXISTS %1$s;
                CREATE TABLE %1$s (id int, v int) WITH (autovacuum_enabled = off);
                INSERT INTO %1$s SELECT g, 0 FROM generate_series(1, 20000) g;
                UPDATE %1$s SET v = 1;
                """.formatted(TABLE));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> deadTuples() == 20000);
    }

    @Test
    void vacuumOfOneTableRemovesItsDeadTuplesAndRecordsBeforeAndAfter() {
        var outcome = VacuumTask.vacuum().run(target, request(false), Clock.systemUTC());

        assertThat(outcome.result()).isEqualTo(Result.SUCCEEDED);
        assertThat(outcome.steps()).containsExactly("VACUUM (ANALYZE) " + TABLE);
        assertThat(figure(outcome.before(), TABLE + ".n_dead_tup")).isEqualTo(20000);
        assertThat(figure(outcome.after(), TABLE + ".n_dead_tup")).isZero();
        assertThat(figure(outcome.after(), TABLE + ".size")).isGreaterThan(0);
    }

    @Test
    void aDryRunPrintsTheExactSqlAndChangesNothing() throws Exception {
        var outcome = VacuumTask.vacuum().run(target, request(true), Clock.systemUTC());

        assertThat(outcome.result()).isEqualTo(Result.PLANNED);
        assertThat(outcome.steps()).containsExactly("VACUUM (ANALYZE) " + TABLE);
        assertThat(deadTuples()).isEqualTo(20000);
    }

    @Test
    void aLockedTableFailsWithinTheLockTimeoutAndLeavesNoLockBehind() throws Exception {
        try (var holder = postgres.connect(DB)) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("LOCK TABLE " + TABLE + " IN ACCESS EXCLUSIVE MODE");

            var outcome = VacuumTask.vacuum().run(target, request(false), Clock.systemUTC());

            assertThat(outcome.result()).isEqualTo(Result.FAILED);
            assertThat(outcome.reason()).contains("lock timeout").contains("the statement was cancelled");
            assertThat(count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")).isZero();
            assertThat(count("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'tend'")).isZero();
            holder.rollback();
        }
    }

    @Test
    void onlyOneMaintenanceTaskRunsOnADatabaseAtATime() throws Exception {
        try (var other = postgres.connect(DB)) {
            other.createStatement().execute("SELECT pg_advisory_lock(hashtext('tend-maintenance'), hashtext(current_database()))");

            var outcome = VacuumTask.analyze().run(target, request(false), Clock.systemUTC());

            assertThat(outcome.result()).isEqualTo(Result.REFUSED);
            assertThat(outcome.reason()).isEqualTo("another maintenance task holds this database's maintenance lock");
        }
    }

    @Test
    void aLongOpenSnapshotStopsVacuumUnlessForced() throws Exception {
        try (var reader = postgres.connect(DB)) {
            reader.setAutoCommit(false);
            reader.setTransactionIsolation(java.sql.Connection.TRANSACTION_REPEATABLE_READ);
            reader.createStatement().execute("SELECT count(*) FROM " + TABLE); // the snapshot now holds back cleanup
            int readerPid;
            try (var rows = reader.createStatement().executeQuery("SELECT pg_backend_pid()")) {
                rows.next();
                readerPid = rows.getInt(1);
            }
            postgres.execute(DB, "UPDATE " + TABLE + " SET v = 2"); // old versions the reader may still see
            var strict = new VacuumTask(false, Duration.ZERO);

            var refused = strict.run(target, request(false), Clock.systemUTC());
            var forced = strict.run(target, new TaskRequest(Optional.of("Lab Schema"), Optional.of("Churn \"Table\""), false, true,
                    Duration.ofMinutes(1), Duration.ofHours(1)), Clock.systemUTC());

            assertThat(refused.result()).isEqualTo(Result.REFUSED);
            assertThat(refused.reason()).startsWith("pid " + readerPid + " (postgres) has held a transaction open for ")
                    .endsWith("End that transaction, or pass --force");
            assertThat(forced.result()).isEqualTo(Result.SUCCEEDED);
            // The open snapshot is why 20000 dead rows survive even a successful VACUUM.
            assertThat(figure(forced.after(), TABLE + ".n_dead_tup")).isEqualTo(20000);
            reader.rollback();
        }
    }

    @Test
    void aDatabaseThatCannotBeReachedSaysTheTaskNeverGotIn() throws Exception {
        var missing = PostgresTargets.of(postgres, "no_such_database");

        var outcome = VacuumTask.vacuum().run(missing, request(false), Clock.systemUTC());

        assertThat(outcome.result()).isEqualTo(Result.FAILED);
        assertThat(outcome.reason()).isEqualTo("could not connect to " + missing.where() + ": FATAL: database \"no_such_database\" does not exist");
    }

    @Test
    void anUnknownTableIsRefusedByName() {
        var outcome = VacuumTask.vacuum().run(target, new TaskRequest(Optional.of("Lab Schema"), Optional.of("nope"), false, false,
                Duration.ofMinutes(1), Duration.ofHours(1)), Clock.systemUTC());

        assertThat(outcome.result()).isEqualTo(Result.REFUSED);
        assertThat(outcome.reason()).isEqualTo("no such table or schema: Lab Schema.nope");
    }

    private static TaskRequest request(boolean dryRun) {
        return new TaskRequest(Optional.of("Lab Schema"), Optional.of("Churn \"Table\""), dryRun, false, Duration.ofMinutes(1), Duration.ofHours(1));
    }

    private static double figure(List<Measurement> figures, String name) {
        return figures.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " in " + figures)).value();
    }

    private static long deadTuples() throws Exception {
        return count("SELECT coalesce(sum(n_dead_tup), 0) FROM pg_stat_user_tables WHERE relname = 'Churn \"Table\"'");
    }

    private static long count(String sql) throws Exception {
        try (var connection = postgres.connect(DB); var rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

}
