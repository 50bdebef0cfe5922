package dev.tend.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tend.check.ResultHistory;
import dev.tend.config.StoreSettings;
import dev.tend.registry.BuiltIn;
import dev.tend.testing.FreePorts;
import dev.tend.testing.PostgresExtension;
import dev.tend.testing.PostgresServer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresResultStoreTest extends ResultStoreContract {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer postgres;

    @BeforeAll
    static void server(PostgresServer server) {
        postgres = server;
    }

    @Override
    StoreSettings freshStore() throws Exception {
        var database = "tend_store_" + DATABASES.incrementAndGet();
        postgres.createDatabase(database);
        return new StoreSettings(Optional.of(postgres.jdbcUrl(database)), Optional.of("postgres"), Optional.empty(),
                Path.of("unused.db"));
    }

    @Test
    void tablesLiveInTheirOwnSchema() throws Exception {
        var settings = freshStore();
        try (var store = Stores.open(settings)) {
            new ResultHistory(store).save(java.util.List.of());
        }
        var database = settings.postgresUrl().orElseThrow().replaceFirst(".*/", "").replaceFirst("\\?.*", "");
        try (var connection = postgres.connect(database);
                var rows = connection.createStatement().executeQuery(
                        "SELECT table_schema FROM information_schema.tables WHERE table_name = 'check_result'")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("tend");
        }
    }

    @Test
    void aStoreConfiguredInTendYamlConnectsWithItsUserAndPassword() throws Exception {
        var database = "tend_store_yaml";
        postgres.execute("postgres", "CREATE DATABASE " + database + " OWNER " + postgres.passwordUser());
        var yaml = """
                platform: { name: Lab }
                targets: []
                store: { url: "postgresql://%s@127.0.0.1:%d/%s", password: "${env:TEND_DB_PASSWORD}" }
                """.formatted(postgres.passwordUser(), postgres.port(), database);
        var config = BuiltIn.configLoader(java.util.Map.of("TEND_DB_PASSWORD", postgres.password())::get).parse(yaml, Path.of("tend.yaml"));

        try (var store = Stores.open(config.store())) {
            new ResultHistory(store).save(java.util.List.of(result("db", "ping", dev.tend.check.Status.OK, java.time.Instant.EPOCH)));
            assertThat(new ResultHistory(store).latest()).hasSize(1);
        }
        assertThat(config.store().describe()).isEqualTo("PostgreSQL postgresql://127.0.0.1:" + postgres.port() + "/" + database);
    }

    @Test
    void anUnreachableStoreFailsWithAClearMessage() {
        var settings = new StoreSettings(Optional.of("jdbc:postgresql://127.0.0.1:" + FreePorts.next() + "/tend"),
                Optional.of("tend"), Optional.empty(), Path.of("unused.db"));

        assertThatThrownBy(() -> Stores.open(settings))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot open the store (PostgreSQL postgresql://127.0.0.1:")
                .hasMessageContaining("Connection")
                .hasMessageContaining("refused");
    }
}
