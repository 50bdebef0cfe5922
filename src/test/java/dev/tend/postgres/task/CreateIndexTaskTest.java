package dev.tend.postgres.task;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class CreateIndexTaskTest {
    private static final String DB = "create_index_lab";
    private static PostgresServer postgres;
    private static PostgresTarget target;

    @BeforeAll
    static void database(PostgresServer server) throws Exception {
        postgres = server;
        postgres.createDatabase(DB);
        postgres.execute(DB, """
                CREATE SCHEMA IF NOT EXISTS "Lab Schema";
                DROP TABLE IF EXISTS "Lab Schema"."Orders";
                CREATE TABLE "Lab Schema"."Orders" (id int, "Customer Id" int);
                INSERT INTO "Lab Schema"."Orders" SELECT g, g % 100 FROM generate_series(1, 1000) g;
                """);
        target = PostgresTargets.of(postgres, DB);
    }

    @Test
    void anIndexIsBuiltConcurrentlyOnlyWhenApproved() throws Exception {
        var request = new TaskRequest(Optional.of("Lab Schema"), Optional.of("Orders"), false, false, Duration.ofMinutes(1),
                Duration.ofHours(1));

        var unapproved = new CreateIndexTask(List.of("Customer Id"), false).run(target, request, Clock.systemUTC());
        var approved = new CreateIndexTask(List.of("Customer Id"), true).run(target, request, Clock.systemUTC());

        assertThat(unapproved.result()).isEqualTo(Result.REFUSED);
        assertThat(unapproved.steps()).containsExactly(
                "CREATE INDEX CONCURRENTLY \"Orders_Customer_Id_idx\" ON \"Lab Schema\".\"Orders\" (\"Customer Id\")");
        assertThat(approved.result()).isEqualTo(Result.SUCCEEDED);
        assertThat(approved.after()).singleElement().satisfies(m -> assertThat(m.value()).isGreaterThan(0));
        try (var connection = postgres.connect(DB); var rows = connection.createStatement().executeQuery(
                "SELECT indisvalid FROM pg_index WHERE indexrelid = '\"Lab Schema\".\"Orders_Customer_Id_idx\"'::regclass")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getBoolean(1)).isTrue();
        }
    }

    @Test
    void aFailedBuildLeavesNoInvalidIndex() throws Exception {
        var request = new TaskRequest(Optional.of("Lab Schema"), Optional.of("Orders"), false, false, Duration.ofMinutes(1),
                Duration.ofHours(1));

        var outcome = new CreateIndexTask(List.of("no such column"), true).run(target, request, Clock.systemUTC());

        assertThat(outcome.result()).isEqualTo(Result.FAILED);
        assertThat(outcome.reason()).contains("does not exist").endsWith("(any half-built index was dropped)");
        try (var connection = postgres.connect(DB); var rows = connection.createStatement().executeQuery(
                "SELECT count(*) FROM pg_index WHERE NOT indisvalid")) {
            rows.next();
            assertThat(rows.getInt(1)).isZero();
        }
    }
}
