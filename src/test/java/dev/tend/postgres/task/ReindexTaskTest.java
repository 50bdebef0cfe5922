package dev.tend.postgres.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.check.Measurement;
import dev.tend.postgres.PostgresTarget;
import dev.tend.postgres.PostgresTargets;
import dev.tend.window.MaintenanceWindows;
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
class ReindexTaskTest {
    private static final String DB = "reindex_lab";
    private static final String INVALID = "\"Lab Schema\".\"Broken Unique\"";
    private static final String BLOATED = "\"Lab Schema\".\"Bloated Idx\"";
    private static PostgresServer postgres;
    private static PostgresTarget target;

    @BeforeAll
    static void database(PostgresServer server) throws Exception {
        postgres = server;
        postgres.createDatabase(DB);
        postgres.execute(DB, """
                CREATE SCHEMA IF NOT EXISTS "Lab Schema";
                DROP TABLE IF EXISTS "Lab Schema".items;
                CREATE TABLE "Lab Schema".items (id int, name text) WITH (autovacuum_enabled = off);
                INSERT INTO "Lab Schema".items SELECT g, 'n' || g FROM generate_series(1, 50000) g;
                CREATE INDEX "Bloated Idx" ON "Lab Schema".items (name);
                DELETE FROM "Lab Schema".items WHERE id > 1000;
                """);
        postgres.execute(DB, "VACUUM \"Lab Schema\".items");
        postgres.execute(DB, "INSERT INTO \"Lab Schema\".items VALUES (1, 'again')");
        try {
            postgres.execute(DB, "CREATE UNIQUE INDEX CONCURRENTLY \"Broken Unique\" ON \"Lab Schema\".items (id)");
        } catch (Exception expected) {
            // the duplicate id makes the build fail and leave an invalid index
        }
        target = PostgresTargets.of(postgres, DB);
    }

    @Test
    void invalidIndexesArePlannedAFailedRebuildSaysWhyAndABloatedIndexShrinks() throws Exception {
        var task = new ReindexTask(MaintenanceWindows.none(), false);

        var plan = task.run(target, request(Optional.empty(), true), Clock.systemUTC());
        assertThat(plan.result()).isEqualTo(Result.PLANNED);
        assertThat(plan.steps()).containsExactly("REINDEX INDEX CONCURRENTLY " + INVALID);

        // An invalid unique index over duplicate keys cannot become valid: the rebuild fails and says why.
        var invalid = task.run(target, request(Optional.empty(), false), Clock.systemUTC());
        assertThat(invalid.result()).isEqualTo(Result.FAILED);
        assertThat(invalid.reason()).contains("could not create unique index");

        assertThat(invalid.reason()).contains("_ccnew");
        // A failed REINDEX CONCURRENTLY leaves its half-built copy behind, as PostgreSQL documents.
        postgres.execute(DB, "DROP INDEX " + INVALID + "; DROP INDEX IF EXISTS \"Lab Schema\".\"Broken Unique_ccnew\"");
        postgres.execute(DB, "ANALYZE \"Lab Schema\".items");
        var strict = PostgresTargets.of(postgres, DB, "report: {tableBloatSize: 100KB}");
        var bloatedPlan = new ReindexTask(MaintenanceWindows.none(), true).run(strict, request(Optional.empty(), true), Clock.systemUTC());
        assertThat(bloatedPlan.steps()).containsExactly("REINDEX INDEX CONCURRENTLY " + BLOATED);

        // With the data directory known, a disk without room for the new copy stops the rebuild.
        var withDataDirectory = PostgresTargets.of(postgres, DB, "dataDirectory: /tmp");
        var fullDisk = new ReindexTask(MaintenanceWindows.none(), false, path -> 4096)
                .run(withDataDirectory, request(Optional.of("items"), false), Clock.systemUTC());
        assertThat(fullDisk.result()).isEqualTo(Result.REFUSED);
        assertThat(fullDisk.reason()).startsWith("only 4.1 kB free in /tmp, and rebuilding needs about ")
                .endsWith("for a new copy of the largest index");
        var bloated = task.run(target, request(Optional.of("items"), false), Clock.systemUTC());
        assertThat(bloated.result()).as(bloated.reason()).isEqualTo(Result.SUCCEEDED);
        assertThat(bloated.steps()).containsExactly("REINDEX INDEX CONCURRENTLY " + BLOATED);
        assertThat(figure(bloated.after(), BLOATED + ".size")).isLessThan(figure(bloated.before(), BLOATED + ".size") / 5);
        assertThat(figure(bloated.after(), BLOATED + ".valid")).isEqualTo(1);
    }

    private static TaskRequest request(Optional<String> table, boolean dryRun) {
        return new TaskRequest(Optional.of("Lab Schema"), table, dryRun, false, Duration.ofMinutes(1), Duration.ofHours(1));
    }

    private static double figure(List<Measurement> figures, String name) {
        return figures.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " in " + figures)).value();
    }
}
