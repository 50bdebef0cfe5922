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
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class StatementsResetTaskTest {

    @Test
    void theTopStatementsAreCapturedThenTheStatisticsReset(PostgresServer postgres) throws Exception {
        postgres.createDatabase("statements_lab");
        postgres.execute("statements_lab", "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        for (int i = 0; i < 5; i++) postgres.execute("statements_lab", "SELECT count(*) FROM generate_series(1, 100000)");
        var target = PostgresTargets.of(postgres, "statements_lab");
        var request = new TaskRequest(Optional.empty(), Optional.empty(), false, false, Duration.ofMinutes(1), Duration.ofHours(1));

        var outcome = new StatementsResetTask().run(target, request, Clock.systemUTC());

        assertThat(outcome.result()).isEqualTo(Result.SUCCEEDED);
        assertThat(outcome.before()).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo("SELECT count(*) FROM generate_series($1, $2) | calls");
            assertThat(m.value()).isGreaterThanOrEqualTo(5);
        });
        assertThat(outcome.after()).singleElement().satisfies(m -> assertThat(m.value()).isLessThanOrEqualTo(2));
    }

    @Test
    void withoutTheExtensionItIsRefusedWithTheWayToInstallIt(PostgresServer postgres) throws Exception {
        postgres.createDatabase("statements_none");
        var target = PostgresTargets.of(postgres, "statements_none");
        var request = new TaskRequest(Optional.empty(), Optional.empty(), false, false, Duration.ofMinutes(1), Duration.ofHours(1));

        var outcome = new StatementsResetTask().run(target, request, Clock.systemUTC());

        assertThat(outcome.result()).isEqualTo(Result.REFUSED);
        assertThat(outcome.reason()).startsWith("pg_stat_statements is not installed in statements_none");
    }
}
