package dev.tend.demo;

import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import redis.embedded.RedisServer;

/**
 * A throwaway copy of the molecular-data platform for the demo: PostgreSQL (embedded PG 15
 * binaries) with a small {@code molecules} database, Redis, and an API app's /health endpoint.
 * Everything listens on 127.0.0.1 on free ports and is gone after {@link #close()}.
 */
final class DemoPlatform implements AutoCloseable {
    private static final String[][] MOLECULES = {
        {"Aspirin", "CC(=O)OC1=CC=CC=C1C(=O)O", "180.16"},
        {"Caffeine", "CN1C=NC2=C1C(=O)N(C(=O)N2C)C", "194.19"},
        {"Ibuprofen", "CC(C)CC1=CC=C(C=C1)C(C)C(=O)O", "206.28"},
        {"Paracetamol", "CC(=O)NC1=CC=C(C=C1)O", "151.16"},
        {"Ethanol", "CCO", "46.07"},
        {"Benzene", "C1=CC=CC=C1", "78.11"},
        {"Glucose", "C(C1C(C(C(C(O1)O)O)O)O)O", "180.16"},
        {"Nicotine", "CN1CCCC1C2=CN=CC=C2", "162.23"},
        {"Penicillin G", "CC1(C(N2C(S1)C(C2=O)NC(=O)CC3=CC=CC=C3)C(=O)O)C", "334.39"},
        {"Dopamine", "C1=CC(=C(C=C1CCN)O)O", "153.18"},
        {"Serotonin", "C1=CC2=C(C=C1O)C(=CN2)CCN", "176.22"},
        {"Metformin", "CN(C)C(=N)N=C(N)N", "129.16"},
    };

    private final EmbeddedPostgres postgres;
    private final RedisServer redis;
    private final int redisPort;
    private final HttpServer api;
    private final java.util.concurrent.atomic.AtomicBoolean apiDown;

    private DemoPlatform(EmbeddedPostgres postgres, RedisServer redis, int redisPort, HttpServer api, java.util.concurrent.atomic.AtomicBoolean apiDown) {
        this.postgres = postgres;
        this.redis = redis;
        this.redisPort = redisPort;
        this.api = api;
        this.apiDown = apiDown;
    }

    static DemoPlatform start() throws IOException, SQLException {
        var postgres = EmbeddedPostgres.builder()
                .setPort(freePort())
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        RedisServer redis = null;
        try {
            loadMolecules(postgres);
            int redisPort = freePort();
            redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1").setting("save 60 1").build();
            redis.start();
            var api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            var down = new java.util.concurrent.atomic.AtomicBoolean();
            api.createContext("/health", exchange -> {
                var body = (down.get() ? "{\"status\":\"down\",\"service\":\"molecule-api\"}" : "{\"status\":\"ok\",\"service\":\"molecule-api\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(down.get() ? 503 : 200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            api.start();
            return new DemoPlatform(postgres, redis, redisPort, api, down);
        } catch (IOException | SQLException | RuntimeException e) {
            if (redis != null) redis.stop();
            postgres.close();
            throw e;
        }
    }

    private static void loadMolecules(EmbeddedPostgres postgres) throws SQLException {
        try (var connection = postgres.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE molecules");
        }
        try (var connection = postgres.getDatabase("postgres", "molecules").getConnection();
                var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE molecules (id serial PRIMARY KEY, name text NOT NULL UNIQUE, "
                    + "smiles text NOT NULL, molecular_weight numeric(8,2) NOT NULL, created_at timestamptz DEFAULT now()) "
                    + "WITH (autovacuum_enabled = off)"); // so the demo's VACUUM has dead rows to show
            try (var insert = connection.prepareStatement("INSERT INTO molecules (name, smiles, molecular_weight) VALUES (?, ?, ?)")) {
                for (var molecule : MOLECULES) {
                    insert.setString(1, molecule[0]);
                    insert.setString(2, molecule[1]);
                    insert.setBigDecimal(3, new java.math.BigDecimal(molecule[2]));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            // Two things for `tend pg report` to find, as a real platform accumulates them: an index
            // nobody uses and a copy of it someone created again.
            statement.execute("UPDATE molecules SET molecular_weight = molecular_weight"); // yesterday's corrections
            statement.execute("CREATE INDEX molecules_smiles ON molecules (smiles)");
            statement.execute("CREATE INDEX molecules_smiles_again ON molecules (smiles)");
            // For the monthly account audit: the application's users, and two database roles nobody reviewed.
            statement.execute("CREATE TABLE users (username text PRIMARY KEY, role text NOT NULL, last_login timestamptz)");
            statement.execute("INSERT INTO users VALUES ('ana', 'admin', now() - interval '3 days'), ('bruno', 'curator', now() - interval '200 days'), "
                    + "('carla', 'viewer', NULL), ('dmitri', 'viewer', now() - interval '10 days'), ('eve', 'admin', now() - interval '120 days')");
            statement.execute("CREATE ROLE report_reader LOGIN");
            statement.execute("CREATE ROLE ops_admin LOGIN CREATEROLE");
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    int postgresPort() {
        return postgres.getPort();
    }

    int redisPort() {
        return redisPort;
    }

    int apiPort() {
        return api.getAddress().getPort();
    }

    /** The API's health endpoint answers 503 {"status":"down"} (true) or 200 {"status":"ok"} (false). */
    void apiDown(boolean down) {
        apiDown.set(down);
    }

    int moleculeCount() {
        return MOLECULES.length;
    }

    @Override
    public void close() throws IOException {
        api.stop(0);
        try {
            redis.stop();
        } finally {
            postgres.close();
        }
    }
}
