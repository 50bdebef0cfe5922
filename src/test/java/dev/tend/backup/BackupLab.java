package dev.tend.backup;

import dev.tend.cli.Main;
import dev.tend.testing.PostgresServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A database worth backing up (names that need quoting, the runbook's datasets.catalog) and the
 * tend CLI run in-process against a config that backs it up, as a user would run it.
 */
final class BackupLab {
    static final String TABLE = "\"Lab Schema\".\"Odd \"\"Name\"\"\"";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final PostgresServer postgres;
    private final String database;
    private final Path directory;

    record Run(int exitCode, String out, String err) {
        JsonNode json() {
            return JSON.readTree(out);
        }
    }

    BackupLab(PostgresServer postgres, String database, Path directory) {
        this.postgres = postgres;
        this.database = database;
        this.directory = directory;
    }

    /** 1,000 rows in the odd table, 250 in datasets.catalog, an empty table, an index. */
    void fill() throws SQLException {
        postgres.createDatabase(database);
        postgres.execute(database, """
                DROP SCHEMA IF EXISTS "Lab Schema" CASCADE;
                DROP SCHEMA IF EXISTS datasets CASCADE;
                CREATE SCHEMA "Lab Schema";
                CREATE SCHEMA datasets;
                CREATE TABLE %1$s (id int PRIMARY KEY, label text);
                INSERT INTO %1$s SELECT g, 'row ' || g FROM generate_series(1, 1000) g;
                CREATE TABLE datasets.catalog (id serial PRIMARY KEY, name text NOT NULL);
                INSERT INTO datasets.catalog (name) SELECT 'dataset ' || g FROM generate_series(1, 250) g;
                CREATE TABLE datasets.empty (id int);
                """.formatted(TABLE));
    }

    /** A config with one backup named lab of this database; {@code extra} adds keys to the backup entry. */
    Path config(String extra) throws Exception {
        var file = directory.resolve("tend.yaml");
        Files.writeString(file, """
                platform: { name: Lab }
                targets:
                  - { name: db, type: postgres, url: "%s" }
                backups:
                  - name: lab
                    target: db
                    destination: "%s"
                    verify: { queries: ["SELECT count(*) FROM datasets.catalog", "SELECT count(*) = 250 FROM datasets.catalog"] }
                %s
                store: { path: "%s" }
                """.formatted(postgres.url(database), backups(), extra.isEmpty() ? "" : "    " + extra, directory.resolve("tend.db")));
        return file;
    }

    Path backups() {
        return directory.resolve("backups");
    }

    /** The directory of one published backup. */
    Path backup(String id) {
        return backups().resolve("lab").resolve(id);
    }

    Run tend(String... args) {
        return tend(Clock.systemUTC(), args);
    }

    Run tend(Clock clock, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var environment = new HashMap<String, String>(Map.of("PATH", System.getenv("PATH")));
        int code = Main.run(new Main.Environment(clock, environment::get), new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    boolean databaseExists(String name) throws SQLException {
        try (var connection = postgres.connect("postgres");
                var statement = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            statement.setString(1, name);
            try (var rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Databases whose names start with the prefix, e.g. Tend's scratch databases (tend_verify_...). */
    java.util.List<String> databasesStartingWith(String prefix) throws SQLException {
        var names = new java.util.ArrayList<String>();
        try (var connection = postgres.connect("postgres");
                var statement = connection.prepareStatement("SELECT datname FROM pg_database WHERE starts_with(datname, ?)")) {
            statement.setString(1, prefix);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) names.add(rows.getString(1));
            }
        }
        return names;
    }

    void execute(String db, String sql) throws SQLException {
        postgres.execute(db, sql);
    }

    java.sql.Connection connection(String db) throws SQLException {
        return postgres.connect(db);
    }

    long count(String db, String table) throws SQLException {
        try (var connection = postgres.connect(db); var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
