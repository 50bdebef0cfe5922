package dev.tend.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tend.config.StoreSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Opens the configured store and brings its schema up to date with Flyway. */
public final class Stores {
    private Stores() {}

    public static Database open(StoreSettings settings) {
        HikariDataSource dataSource;
        try {
            dataSource = settings.isPostgres() ? postgres(settings) : sqlite(settings);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the store (" + settings.describe() + "): " + rootMessage(e), e);
        }
        try {
            if (!schemaIsCurrent(dataSource, dialect(settings))) migrate(dataSource, settings);
            return new Database(dataSource, settings.describe(), settings.isPostgres());
        } catch (RuntimeException e) {
            dataSource.close();
            throw new StoreException("cannot open the store (" + settings.describe() + "): " + rootMessage(e), e);
        }
    }

    private static void migrate(HikariDataSource dataSource, StoreSettings settings) {
        var flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:" + Migrations.location(dialect(settings)));
        if (settings.isPostgres()) flyway.schemas("tend").createSchemas(true);
        flyway.load().migrate();
    }

    /**
     * Whether the last applied migration is the newest this build ships. Then Flyway is not started
     * at all: scanning for migrations is most of what opening the store costs a one-shot command.
     */
    static boolean schemaIsCurrent(DataSource dataSource, String dialect) {
        var newest = Migrations.newest(dialect);
        if (newest.isEmpty()) return false;
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT version FROM flyway_schema_history WHERE success "
                        + "AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            return rows.next() && String.valueOf(newest.getAsInt()).equals(rows.getString(1));
        } catch (SQLException noHistoryYet) {
            return false;
        }
    }

    private static String dialect(StoreSettings settings) {
        return settings.isPostgres() ? "postgresql" : "sqlite";
    }

    private static HikariDataSource sqlite(StoreSettings settings) {
        var file = settings.sqliteFile().toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file.getParent(), e);
        }
        var sqliteConfig = new SQLiteConfig();
        sqliteConfig.setJournalMode(SQLiteConfig.JournalMode.WAL); // readers never block the writer
        sqliteConfig.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        sqliteConfig.setBusyTimeout(10_000);
        sqliteConfig.enforceForeignKeys(true);
        var sqlite = new SQLiteDataSource(sqliteConfig);
        sqlite.setUrl("jdbc:sqlite:" + file);
        var config = new HikariConfig();
        config.setDataSource(sqlite);
        config.setPoolName("tend-store");
        config.setMaximumPoolSize(10); // the scheduler (polling, heartbeats, executions) shares it
        config.setConnectionTimeout(10_000);
        return new HikariDataSource(config);
    }

    private static HikariDataSource postgres(StoreSettings settings) {
        var config = new HikariConfig();
        config.setJdbcUrl(settings.postgresUrl().orElseThrow());
        settings.user().ifPresent(config::setUsername);
        settings.password().ifPresent(secret -> config.setPassword(secret.reveal()));
        config.setPoolName("tend-store");
        config.setMaximumPoolSize(10); // the scheduler (polling, heartbeats, executions) shares it
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(1); // one attempt at start: a down store is reported at once, with its reason
        config.addDataSourceProperty("connectTimeout", "10");
        config.addDataSourceProperty("socketTimeout", "60");
        config.addDataSourceProperty("ApplicationName", "tend-store");
        config.addDataSourceProperty("currentSchema", "tend");
        config.addDataSourceProperty("options", "-c statement_timeout=30000 -c lock_timeout=5000");
        return new HikariDataSource(config);
    }

    private static String rootMessage(Throwable failure) {
        var root = failure;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getMessage() == null ? "no further detail" : root.getMessage(); // words, never a class name
    }
}
