package dev.tend.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Properties;

/**
 * A PostgreSQL 15 server (zonky embedded binaries) on 127.0.0.1 and a free port. The superuser {@code postgres}
 * is trusted; every other role must authenticate with scram-sha-256, e.g. {@link #passwordUser()}.
 * <p>Shared by every test of the run and stopped by the harness at its end: tests must not close it.
 */
public final class PostgresServer extends LocalService {

    private static final String HOST = "127.0.0.1";
    private static final String SUPERUSER = "postgres";
    private static final String PASSWORD_USER = "tend_pw";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    /** Superuser trusted, everyone else proves a password: lets tests check Tend's password handling for real. */
    private static final String PG_HBA = """
            # Written by the Tend test harness.
            # TYPE  DATABASE  USER      ADDRESS       METHOD
            local   all       postgres                trust
            host    all       postgres  127.0.0.1/32  trust
            local   all       all                     scram-sha-256
            host    all       all       127.0.0.1/32  scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final String password;

    private PostgresServer(Path workDir, EmbeddedPostgres postgres, String password) {
        super(workDir);
        this.postgres = postgres;
        this.password = password;
    }

    static PostgresServer start() throws IOException, SQLException {
        Path workDir = TempDirs.create("tend-pg");
        Path log = workDir.resolve("postgres.log");
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPort(FreePorts.next())
                    .setDataDirectory(workDir.resolve("data"))
                    .setCleanDataDirectory(true)
                    .setServerConfig("listen_addresses", HOST)
                    // keep the unix socket out of the shared /tmp
                    .setServerConfig("unix_socket_directories", workDir.toString())
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // loaded as on most production servers; a database sees it only after CREATE EXTENSION
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setPGStartupWait(STARTUP_TIMEOUT)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException | RuntimeException e) {
            String tail = ManagedProcess.tail(log, 40);
            TempDirs.deleteQuietly(workDir);
            throw new IllegalStateException("embedded PostgreSQL did not start: " + e.getMessage()
                    + "\n--- last lines of " + log + " ---\n" + tail, e);
        }
        PostgresServer server = new PostgresServer(workDir, postgres, Secrets.random("pw"));
        try {
            server.requirePasswordsForEveryoneButPostgres();
            server.execute("postgres", "CREATE ROLE " + PASSWORD_USER + " LOGIN PASSWORD '" + server.password + "'");
        } catch (SQLException | RuntimeException e) {
            server.close();
            throw e;
        }
        ShutdownCleanup.register(server);
        return server;
    }

    /** Rewrites pg_hba.conf, reloads, and waits until new sessions see the reload (pg_reload_conf only signals). */
    private void requirePasswordsForEveryoneButPostgres() throws IOException, SQLException {
        Files.writeString(workDir.resolve("data").resolve("pg_hba.conf"), PG_HBA);
        Timestamp loadedBefore;
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            try (ResultSet errors = statement.executeQuery("SELECT count(*) FROM pg_hba_file_rules WHERE error IS NOT NULL")) {
                errors.next();
                if (errors.getLong(1) != 0) {
                    throw new IllegalStateException("the generated pg_hba.conf has errors; see pg_hba_file_rules");
                }
            }
            try (ResultSet time = statement.executeQuery("SELECT pg_conf_load_time()")) {
                time.next();
                loadedBefore = time.getTimestamp(1);
            }
            statement.execute("SELECT pg_reload_conf()");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            // a new session inherits the postmaster's load time, so this turns newer once pg_hba.conf is reloaded
            try (Connection connection = connect("postgres");
                 Statement statement = connection.createStatement();
                 ResultSet time = statement.executeQuery("SELECT pg_conf_load_time()")) {
                time.next();
                if (time.getTimestamp(1).after(loadedBefore)) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PostgreSQL did not reload pg_hba.conf within 20 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the pg_hba.conf reload", e);
            }
        }
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return postgres.getPort();
    }

    /** A libpq-style URL for the superuser, e.g. {@code postgresql://postgres@127.0.0.1:5432/tend}. */
    public String url(String database) {
        return "postgresql://" + SUPERUSER + "@" + HOST + ":" + port() + "/" + database;
    }

    /** JDBC URL without credentials: pass user and password to the driver, or use {@link #connect(String)}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port() + "/" + database;
    }

    /** A new connection as the superuser {@code postgres}; the caller closes it. */
    public Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("socketTimeout", "60");
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    /** Creates the database unless it exists already. */
    public synchronized void createDatabase(String name) throws SQLException {
        try (Connection connection = connect("postgres")) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                try (ResultSet row = exists.executeQuery()) {
                    if (row.next()) {
                        return;
                    }
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + quoteIdentifier(name));
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) { // duplicate_database: someone else was quicker
                    throw e;
                }
            }
        }
    }

    /** Runs one statement as the superuser. */
    public void execute(String database, String sql) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** A role with LOGIN that must authenticate with {@link #password()} (scram-sha-256). */
    public String passwordUser() {
        return PASSWORD_USER;
    }

    public String password() {
        return password;
    }

    @Override
    protected void stop() throws Exception {
        postgres.close(); // pg_ctl stop -m fast
    }

    @Override
    public String toString() {
        return "PostgresServer[" + HOST + ":" + port() + ", data " + workDir + "]";
    }

    private static String quoteIdentifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
