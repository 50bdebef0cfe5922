package dev.tend.backup;

import dev.tend.check.Failures;
import dev.tend.postgres.PostgresConnector;
import dev.tend.postgres.PostgresTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * A database that exists only for one restore: created empty, dropped when closed — also on
 * failure and on Ctrl-C/SIGTERM. A leftover from a killed run (same name) is dropped before reuse.
 * One session-level advisory lock per name keeps two verifications from sharing it.
 */
final class ScratchDatabase implements AutoCloseable {
    private static final Duration ADMIN_TIMEOUT = Duration.ofMinutes(2);
    private final PostgresTarget server;
    private final String name;
    private final Connection admin;
    private final Thread shutdownHook;
    private boolean keep;

    private ScratchDatabase(PostgresTarget server, String name, Connection admin) {
        this.server = server;
        this.name = name;
        this.admin = admin;
        this.shutdownHook = new Thread(this::dropQuietly, "drop " + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Creates it on the server's own database connection; {@code notes} hears about any leftover
     * dropped. Only Tend's own names ({@code ownName}) are dropped as leftovers: a name a person
     * chose may be a real database, so an existing one is refused.
     */
    static ScratchDatabase create(PostgresTarget server, String name, boolean ownName, List<String> notes) throws SQLException {
        var admin = PostgresConnector.open(server, ADMIN_TIMEOUT);
        try {
            if (!lock(admin, name)) {
                throw new BackupException("another verification or drill is using the scratch database " + name + " on " + server.where());
            }
            if (exists(admin, name) && !ownName) {
                throw new BackupException("database " + name + " already exists on " + server.where() + "; choose a new name for the copy");
            }
            if (exists(admin, name)) {
                drop(admin, name);
                notes.add("dropped the scratch database " + name + " left by an interrupted run");
            }
            execute(admin, "CREATE DATABASE " + PgCatalog.quote(name) + " TEMPLATE template0");
            return new ScratchDatabase(server, name, admin);
        } catch (SQLException | RuntimeException e) {
            admin.close();
            throw e;
        }
    }

    /** Whether a database of this name exists on the server (to prove none is left behind). */
    static boolean exists(Connection connection, String name) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            statement.setString(1, name);
            try (var rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    String name() {
        return name;
    }

    PostgresTarget target() {
        return server.onDatabase(name);
    }

    /** A drill may keep its copy for people to inspect. */
    void keep() {
        keep = true;
    }

    /** Drops a database and ends its sessions first: WITH (FORCE) from PostgreSQL 13, pg_terminate_backend before. */
    static void drop(Connection connection, String name) throws SQLException {
        if (PgCatalog.number(connection, "SELECT current_setting('server_version_num')::int") >= 130_000) {
            execute(connection, "DROP DATABASE IF EXISTS " + PgCatalog.quote(name) + " WITH (FORCE)");
            return;
        }
        try (var statement = connection.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?")) {
            statement.setString(1, name);
            statement.execute();
        }
        execute(connection, "DROP DATABASE IF EXISTS " + PgCatalog.quote(name));
    }

    @Override
    public void close() throws SQLException {
        try {
            if (!keep) dropWithRetry();
        } finally {
            admin.close();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is dropping it already
            }
        }
    }

    /** The admin session may have idled for hours behind a firewall: on failure, once more on a fresh one. */
    private void dropWithRetry() throws SQLException {
        try {
            drop(admin, name);
        } catch (SQLException first) {
            try (var connection = PostgresConnector.open(server, ADMIN_TIMEOUT)) {
                drop(connection, name);
            } catch (SQLException second) {
                throw new BackupException("the scratch database " + name + " on " + server.where() + " could not be dropped ("
                        + Failures.describe(second) + "); the next verification drops it, or drop it by hand", second);
            }
        }
    }

    private void dropQuietly() {
        if (keep) return;
        try (var connection = PostgresConnector.open(server, Duration.ofSeconds(10))) {
            drop(connection, name);
        } catch (SQLException e) {
            // the next run drops the leftover
        }
    }

    private static boolean lock(Connection connection, String name) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext('tend.scratch.' || ?))")) {
            statement.setString(1, name);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
