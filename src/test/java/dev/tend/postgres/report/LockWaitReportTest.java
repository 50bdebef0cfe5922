package dev.tend.postgres.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.check.Status;
import dev.tend.config.Redactor;
import dev.tend.postgres.PostgresTarget;
import dev.tend.postgres.PostgresTargets;
import dev.tend.testing.PostgresExtension;
import dev.tend.testing.PostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Real lock waits, one of each kind: the report names what is locked and how. */
@ExtendWith(PostgresExtension.class)
class LockWaitReportTest {
    private static final String DB = "lock_lab";
    private static final String ORDER_ITEMS = "\"Lab Schema\".\"Order Items\"";
    private static PostgresServer postgres;
    private static PostgresTarget target;

    @BeforeAll
    static void createTable(PostgresServer server) throws Exception {
        postgres = server;
        postgres.createDatabase(DB);
        postgres.execute(DB, """
                CREATE SCHEMA IF NOT EXISTS "Lab Schema";
                CREATE TABLE IF NOT EXISTS %1$s (id int PRIMARY KEY, quantity int);
                INSERT INTO %1$s VALUES (1, 1) ON CONFLICT DO NOTHING""".formatted(ORDER_ITEMS));
        target = PostgresTargets.of(postgres, DB);
    }

    @Test
    void aTableLockNamesTheQuotedTableAndBothModes() throws Exception {
        try (var holder = postgres.connect(DB); var waiter = postgres.connect(DB)) {
            hold(holder, "LOCK TABLE " + ORDER_ITEMS + " IN SHARE MODE");
            var lock = whileWaiting(holder, waiter, "UPDATE " + ORDER_ITEMS + " SET quantity = 2");

            assertThat(lock.object()).isEqualTo(ORDER_ITEMS);
            assertThat(lock.severity()).isEqualTo(Status.CRIT);
            assertThat(lock.detail()).contains(" has waited ").contains(" s for RowExclusiveLock on " + ORDER_ITEMS
                    + ", held as ShareLock by pid " + pid(holder) + " (postgres, PostgreSQL JDBC Driver, idle in transaction: LOCK TABLE");
            assertThat(lock.facts()).containsEntry("lock_type", "relation").containsEntry("relation", ORDER_ITEMS)
                    .containsEntry("wanted_mode", "RowExclusiveLock").containsEntry("held_modes", "ShareLock")
                    .containsEntry("blocker_pid", String.valueOf(pid(holder)));
            assertThat(lock.figures()).anySatisfy(m -> assertThat(m.name()).isEqualTo("waiting"));
        }
    }

    @Test
    void aRowLockIsAWaitForTheOtherTransaction() throws Exception {
        try (var holder = postgres.connect(DB); var waiter = postgres.connect(DB)) {
            hold(holder, "UPDATE " + ORDER_ITEMS + " SET quantity = 3 WHERE id = 1");
            var transaction = text(holder, "SELECT pg_current_xact_id()::xid::text");
            var lock = whileWaiting(holder, waiter, "SELECT * FROM " + ORDER_ITEMS + " WHERE id = 1 FOR UPDATE");

            assertThat(lock.object()).isEqualTo(ORDER_ITEMS);
            assertThat(lock.detail()).contains(" s for transaction " + transaction + " of pid " + pid(holder) + " (postgres, ")
                    .endsWith(" to end (a row lock on " + ORDER_ITEMS + ")");
            assertThat(lock.facts()).containsEntry("lock_type", "transactionid").containsEntry("transaction", transaction)
                    .containsEntry("wanted_mode", "ShareLock").containsEntry("held_modes", "ExclusiveLock");
        }
    }

    @Test
    void anAdvisoryLockIsNamedByItsKey() throws Exception {
        try (var holder = postgres.connect(DB); var waiter = postgres.connect(DB)) {
            hold(holder, "SELECT pg_advisory_xact_lock(42)");
            var lock = whileWaiting(holder, waiter, "SELECT pg_advisory_xact_lock(42)");

            assertThat(lock.object()).isEqualTo("pid " + pid(holder));
            assertThat(lock.detail()).contains(" s for advisory lock 42 (ExclusiveLock), held as ExclusiveLock by pid " + pid(holder));
            assertThat(lock.facts()).containsEntry("lock_type", "advisory").containsEntry("advisory_key", "42");
            assertThat(lock.fix()).startsWith("have pid " + pid(holder) + " release it (pg_advisory_unlock)");
        }
    }

    /** Takes a lock in a transaction left open. */
    private static void hold(Connection holder, String sql) throws SQLException {
        holder.setAutoCommit(false);
        holder.createStatement().execute(sql);
    }

    /** The report read while the waiter queues behind the holder; then the holder lets go. */
    private static Finding whileWaiting(Connection holder, Connection waiter, String waiterSql) throws Exception {
        int waiterPid = pid(waiter); // before it blocks: a JDBC connection answers one caller at a time
        var waiting = CompletableFuture.runAsync(() -> {
            try (var statement = waiter.createStatement()) {
                statement.execute(waiterSql);
            } catch (SQLException ignored) {
                // ends when the holder lets go
            }
        });
        try {
            return Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> lockOf(waiterPid), Optional::isPresent).orElseThrow();
        } finally {
            holder.rollback();
            waiting.get();
        }
    }

    private static Optional<Finding> lockOf(int waiterPid) throws SQLException {
        return new PgReport(ReportPolicy.defaults(), Redactor.none()).run(target, Duration.ofSeconds(10)).stream()
                .filter(f -> f.kind().equals("blocking_lock") && f.facts().get("waiter_pid").equals(String.valueOf(waiterPid)))
                .findFirst();
    }

    private static int pid(Connection connection) throws SQLException {
        return Integer.parseInt(text(connection, "SELECT pg_backend_pid()"));
    }

    private static String text(Connection connection, String sql) throws SQLException {
        try (var rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
