package dev.tend.postgres.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.config.StoreSettings;
import dev.tend.postgres.PostgresTargets;
import dev.tend.store.Stores;
import dev.tend.testing.PostgresExtension;
import dev.tend.testing.PostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Statement snapshots a week apart on a real pg_stat_statements: the week's calls and mean against the week before. */
@ExtendWith(PostgresExtension.class)
class StatementTrendsTest {
    @TempDir
    Path directory;

    @Test
    void aStatementThatGotSlowerThisWeekShowsByHowMuch(PostgresServer postgres) throws Exception {
        postgres.createDatabase("weeks");
        postgres.execute("weeks", "CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset()");
        var target = PostgresTargets.of(postgres, "weeks");
        var start = Instant.parse("2027-01-04T06:00:00Z");
        try (var store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")))) {
            var snapshots = new StatementSnapshots(store);
            snapshots.take(target, start);
            sleep(postgres, 20, 2);
            snapshots.take(target, start.plus(Duration.ofDays(7)));
            sleep(postgres, 20, 12);
            var newest = snapshots.take(target, start.plus(Duration.ofDays(14))).orElseThrow();

            var trends = StatementTrends.weekOverWeek(snapshots, "db", newest).orElseThrow();

            var sleeping = trends.stream().filter(trend -> trend.query().contains("pg_sleep")).findFirst().orElseThrow();
            assertThat(sleeping.calls()).isEqualTo(20);
            assertThat(sleeping.meanMs()).isGreaterThanOrEqualTo(12);
            assertThat(sleeping.meanBefore().orElseThrow()).isBetween(2.0, 8.0);
            assertThat(sleeping.change().orElseThrow()).isGreaterThan(1.5);
            assertThat(trends).noneMatch(trend -> trend.query().contains("pg_stat_statements"));
            assertThat(StatementTrends.weekOverWeek(snapshots, "db", snapshots.atOrBefore("db", start).orElseThrow())).as("nothing a week older").isEmpty();
        }
    }

    private static void sleep(PostgresServer postgres, int times, int millis) throws Exception {
        try (var connection = postgres.connect("weeks"); var statement = connection.prepareStatement("SELECT pg_sleep(?)")) {
            for (int call = 0; call < times; call++) {
                statement.setDouble(1, millis / 1000.0);
                statement.execute();
            }
        }
    }
}
