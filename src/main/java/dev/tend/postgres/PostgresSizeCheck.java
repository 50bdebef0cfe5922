package dev.tend.postgres;

import dev.tend.check.Check;
import dev.tend.check.Status;
import dev.tend.check.Units;
import dev.tend.check.Verdict;
import java.time.Duration;

/** The database's size on disk, graded only when the user set levels (capacity planning input). */
final class PostgresSizeCheck implements Check {
    private final PostgresTarget target;

    PostgresSizeCheck(PostgresTarget target) {
        this.target = target;
    }

    @Override
    public String name() {
        return "database-size";
    }

    @Override
    public Verdict run(Duration timeout) throws Exception {
        try (var connection = PostgresConnector.open(target, timeout);
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT pg_database_size(current_database())")) {
            rows.next();
            long bytes = rows.getLong(1);
            var reason = "database " + target.database() + " uses " + Units.bytes(bytes);
            var status = target.sizeBytes().map(levels -> levels.grade(bytes)).orElse(Status.OK);
            if (!status.isOk()) {
                reason += ", over the " + Units.bytes(target.sizeBytes().get().crossed(bytes)) + " threshold";
            }
            return Verdict.builder().measure("size", bytes, "bytes").verdict(status, reason);
        }
    }
}
