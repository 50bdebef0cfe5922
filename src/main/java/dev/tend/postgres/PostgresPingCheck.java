package dev.tend.postgres;

import dev.tend.check.Check;
import dev.tend.check.Verdict;
import java.time.Duration;

/** The pg_isready of the runbooks, one step further: log in and run SELECT 1. */
final class PostgresPingCheck implements Check {
    private final PostgresTarget target;

    PostgresPingCheck(PostgresTarget target) {
        this.target = target;
    }

    @Override
    public String name() {
        return "ping";
    }

    @Override
    public Verdict run(Duration timeout) throws Exception {
        long start = System.nanoTime();
        try (var connection = PostgresConnector.open(target, timeout);
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT 1, current_setting('server_version'), current_setting('server_version_num')::int")) {
            rows.next();
            double millis = (System.nanoTime() - start) / 1e6;
            var version = rows.getString(2);
            return Verdict.builder()
                    .measure("latency", millis, "ms")
                    .measure("server_version_num", rows.getInt(3), "version")
                    .ok("PostgreSQL " + version + " answered SELECT 1 on " + target.where()
                            + " in " + Math.round(millis) + " ms");
        }
    }
}
