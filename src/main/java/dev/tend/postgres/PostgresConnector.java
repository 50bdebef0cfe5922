package dev.tend.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Opens every connection Tend makes to a maintained database, so that each one has connect,
 * socket, statement and lock timeouts — the "never hurt production" rule lives here, once.
 */
public final class PostgresConnector {
    private static final Driver DRIVER = new Driver();
    /** pg_stat_activity's application_name of Tend's sessions (its store's is tend-store, pg_dump's also tend). */
    public static final String APPLICATION_NAME = "tend";
    /** The comment every statement Tend sends starts with; pg_stat_statements keeps it in its text. */
    public static final String MARK = "/* tend */ ";

    private PostgresConnector() {}

    public static Connection open(PostgresTarget target, Duration timeout) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", target.user());
        target.password().ifPresent(secret -> properties.setProperty("password", secret.reveal()));
        // The driver takes whole seconds; round up so a 500ms timeout is not "no timeout" (0).
        var seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        // Reaching the server takes seconds or it is down: a 6 h backup must not wait 6 h to learn that.
        var connectSeconds = String.valueOf(Math.min(seconds, 30));
        properties.setProperty("connectTimeout", connectSeconds);
        properties.setProperty("loginTimeout", connectSeconds);
        properties.setProperty("socketTimeout", String.valueOf(seconds));
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("options", "-c statement_timeout=" + timeout.toMillis()
                + " -c lock_timeout=" + Math.min(timeout.toMillis(), 2000)
                + " -c idle_in_transaction_session_timeout=" + Math.max(timeout.toMillis(), 10000));
        var connection = DRIVER.connect(target.url().jdbcUrl(), properties);
        if (connection == null) throw new SQLException("the PostgreSQL driver refused the URL for " + target.where());
        return MarkedConnection.wrap(connection);
    }
}
