package dev.tend.postgres.task;

import dev.tend.postgres.PostgresConnector;
import dev.tend.postgres.PostgresTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * The session a maintenance task works in: Tend's timeouts (statement timeout = the task's, lock
 * timeout at most 2 s), and the database's maintenance advisory lock so that only one task runs
 * on a database at a time. Closing releases the lock.
 */
final class MaintenanceSession implements AutoCloseable {
    private static final String LOCK = "pg_try_advisory_lock(hashtext('tend-maintenance'), hashtext(current_database()))";
    private static final String UNLOCK = "pg_advisory_unlock(hashtext('tend-maintenance'), hashtext(current_database()))";

    private final Connection connection;
    private boolean locked;

    private MaintenanceSession(Connection connection) {
        this.connection = connection;
    }

    static MaintenanceSession open(PostgresTarget target, Duration timeout) throws SQLException {
        return new MaintenanceSession(PostgresConnector.open(target, timeout));
    }

    Connection connection() {
        return connection;
    }

    /** Why the task must not start here, or empty when it may. */
    Optional<String> refusal(boolean writes) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery("SELECT pg_is_in_recovery()")) {
            rows.next();
            if (writes && rows.getBoolean(1)) return Optional.of("the server is a standby; run maintenance on the primary");
        }
        try (var statement = connection.createStatement(); var rows = statement.executeQuery("SELECT " + LOCK)) {
            rows.next();
            locked = rows.getBoolean(1);
        }
        return locked ? Optional.empty() : Optional.of("another maintenance task holds this database's maintenance lock");
    }

    @Override
    public void close() throws SQLException {
        try {
            if (locked && !connection.isClosed()) {
                try (var statement = connection.createStatement()) {
                    statement.execute("SELECT " + UNLOCK);
                }
            }
        } finally {
            connection.close(); // a session's advisory locks end with it in any case
        }
    }
}
