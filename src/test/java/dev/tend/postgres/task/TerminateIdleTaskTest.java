package dev.tend.postgres.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.postgres.PostgresTarget;
import dev.tend.postgres.PostgresTargets;
import dev.tend.window.MaintenanceWindows;
import dev.tend.task.TaskOutcome.Result;
import dev.tend.task.TaskRequest;
import dev.tend.testing.PostgresExtension;
import dev.tend.testing.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class TerminateIdleTaskTest {
    private static final String DB = "terminate_lab";
    private static PostgresServer postgres;
    private static PostgresTarget target;

    @BeforeAll
    static void database(PostgresServer server) throws Exception {
        postgres = server;
        postgres.createDatabase(DB);
        target = PostgresTargets.of(postgres, DB);
    }

    @Test
    void idleSessionsAreEndedOnlyInsideAWindowOrWhenForcedAndNeverASuperusers() throws Exception {
        try (var idleUser = userSession(); var idleSuperuser = postgres.connect(DB)) {
            int userPid = pid(idleUser);
            int superuserPid = pid(idleSuperuser);
            var task = new TerminateIdleTask(MaintenanceWindows.none());

            var plan = task.run(target, request(true, false), Clock.systemUTC());
            var refused = task.run(target, request(false, false), Clock.systemUTC());
            var forced = task.run(target, request(false, true), Clock.systemUTC());

            assertThat(plan.result()).isEqualTo(Result.PLANNED);
            assertThat(plan.steps()).singleElement().asString().startsWith("SELECT pg_terminate_backend(" + userPid + ")  -- "
                    + postgres.passwordUser());
            assertThat(refused.result()).isEqualTo(Result.REFUSED);
            assertThat(refused.reason()).startsWith("disruptive task outside a maintenance window");
            assertThat(forced.result()).isEqualTo(Result.SUCCEEDED);
            assertThat(forced.reason()).isEqualTo("1 of 1 idle sessions ended (forced outside a window)");
            assertThat(forced.before()).singleElement().satisfies(m -> assertThat(m.value()).isEqualTo(1));
            assertThat(forced.after()).singleElement().satisfies(m -> assertThat(m.value()).isZero());
            assertThat(alive(userPid)).isFalse();
            assertThat(alive(superuserPid)).isTrue();
        }
    }

    @Test
    void anOpenWindowLetsItRunWithoutForce() throws Exception {
        try (var idleUser = userSession()) {
            int userPid = pid(idleUser);

            var outcome = new TerminateIdleTask((target, at) -> true).run(target, request(false, false), Clock.systemUTC());

            assertThat(outcome.result()).isEqualTo(Result.SUCCEEDED);
            assertThat(outcome.reason()).isEqualTo("1 of 1 idle sessions ended");
            assertThat(alive(userPid)).isFalse();
        }
    }

    private static TaskRequest request(boolean dryRun, boolean force) {
        return new TaskRequest(Optional.empty(), Optional.empty(), dryRun, force, Duration.ofMinutes(1), Duration.ZERO);
    }

    private static Connection userSession() throws Exception {
        return DriverManager.getConnection(postgres.jdbcUrl(DB), postgres.passwordUser(), postgres.password());
    }

    private static int pid(Connection connection) throws Exception {
        try (var rows = connection.createStatement().executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static boolean alive(int pid) throws Exception {
        // The task waits for the ended sessions to leave; a live one stays.
        try (var connection = postgres.connect(DB);
                var rows = connection.createStatement().executeQuery("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid)) {
            rows.next();
            return rows.getInt(1) == 1;
        }
    }
}
