package dev.tend.postgres;

import dev.tend.check.Check;
import dev.tend.check.Units;
import dev.tend.check.Verdict;
import java.time.Duration;

/** Connections in use against max_connections, the headroom a pool exhaustion eats first. */
public final class PostgresConnectionsCheck implements Check {
    /** The prefix of the per-user session counts: {@code sessions:alice}. */
    public static final String SESSIONS = "sessions:";
    private static final String QUERY = """
            SELECT (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'),
                   current_setting('max_connections')::int,
                   current_setting('superuser_reserved_connections')::int""";
    /** Who is connected: PostgreSQL keeps no last-login, so Tend's record of sessions is the access review's "last seen". */
    private static final String USERS = """
            SELECT usename, count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND usename IS NOT NULL GROUP BY 1 ORDER BY 1""";
    private final PostgresTarget target;

    PostgresConnectionsCheck(PostgresTarget target) {
        this.target = target;
    }

    @Override
    public String name() {
        return "connections";
    }

    @Override
    public Verdict run(Duration timeout) throws Exception {
        try (var connection = PostgresConnector.open(target, timeout);
                var statement = connection.createStatement();
                var rows = statement.executeQuery(QUERY)) {
            rows.next();
            long used = rows.getLong(1);
            long max = rows.getLong(2);
            long reserved = rows.getLong(3);
            double percent = Units.ratioPercent(used, max);
            var status = target.connections().grade(percent);
            var reason = used + " of " + max + " connections in use (" + Units.percent(percent) + ")";
            if (!status.isOk()) {
                reason += ", over the " + Units.percent(target.connections().crossed(percent)) + " threshold; "
                        + reserved + " are reserved for superusers";
            }
            var verdict = Verdict.builder()
                    .measure("connections", used, "count")
                    .measure("max_connections", max, "count")
                    .measure("used", percent, "%");
            try (var users = statement.executeQuery(USERS)) {
                while (users.next()) verdict.measure(SESSIONS + users.getString(1), users.getLong(2), "sessions");
            }
            return verdict.verdict(status, reason);
        }
    }
}
