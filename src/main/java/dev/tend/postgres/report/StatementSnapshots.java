package dev.tend.postgres.report;

import dev.tend.postgres.PostgresConnector;
import dev.tend.postgres.PostgresTarget;
import dev.tend.store.Database;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pg_statement_snapshot table: the application's 50 heaviest statements (by total time, Tend's
 * own left out) at a moment. pg_stat_statements is cumulative since its last reset, so a week's
 * figures are the difference of two snapshots a week apart.
 */
public final class StatementSnapshots {
    private static final String HEAVIEST = """
            SELECT queryid::text, left(regexp_replace(query, '\\s+', ' ', 'g'), 200), sum(calls), sum(total_exec_time)
            FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND NOT """ + OwnActivity.OWN_STATEMENT + """

            GROUP BY 1, 2 ORDER BY 4 DESC LIMIT 50""";
    private final Database database;

    public StatementSnapshots(Database database) {
        this.database = database;
    }

    /** One statement's cumulative figures. */
    public record Statement(String queryId, String query, long calls, double totalMs) {
        public double meanMs() {
            return calls == 0 ? 0 : totalMs / calls;
        }
    }

    /** The statements at one moment. */
    public record Snapshot(Instant at, List<Statement> statements) {
        public Optional<Statement> find(String queryId) {
            return statements.stream().filter(statement -> statement.queryId().equals(queryId)).findFirst();
        }
    }

    /** Takes and keeps a snapshot; empty when pg_stat_statements is not installed in the database. */
    public Optional<Snapshot> take(PostgresTarget target, Instant at) throws SQLException {
        var statements = new ArrayList<Statement>();
        try (var connection = PostgresConnector.open(target, target.settings().timeout()); var statement = connection.createStatement()) {
            try (var installed = statement.executeQuery("SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements'")) {
                if (!installed.next()) return Optional.empty();
            }
            try (var rows = statement.executeQuery(HEAVIEST)) {
                while (rows.next()) statements.add(new Statement(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getDouble(4)));
            }
        }
        database.run("statement snapshots", () -> database.jdbi().useTransaction(handle -> {
            var batch = handle.prepareBatch("INSERT INTO pg_statement_snapshot (target, taken_at, queryid, query, calls, total_ms) "
                    + "VALUES (:target, :at, :queryid, :query, :calls, :total)");
            for (var one : statements) {
                batch.bind("target", target.name()).bind("at", at.toEpochMilli()).bind("queryid", one.queryId()).bind("query", one.query())
                        .bind("calls", one.calls()).bind("total", one.totalMs()).add();
            }
            if (!statements.isEmpty()) batch.execute();
        }));
        return Optional.of(new Snapshot(at, List.copyOf(statements)));
    }

    /** The newest snapshot of the target taken at or before {@code at}. */
    public Optional<Snapshot> atOrBefore(String target, Instant at) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT max(taken_at) FROM pg_statement_snapshot WHERE target = :target AND taken_at <= :at")
                .bind("target", target).bind("at", at.toEpochMilli()).mapTo(Long.class).findOne()
                .filter(java.util.Objects::nonNull)
                .map(taken -> new Snapshot(Instant.ofEpochMilli(taken), handle.createQuery("SELECT queryid, query, calls, total_ms FROM pg_statement_snapshot "
                                + "WHERE target = :target AND taken_at = :taken ORDER BY total_ms DESC")
                        .bind("target", target).bind("taken", taken)
                        .map((row, context) -> new Statement(row.getString(1), row.getString(2), row.getLong(3), row.getDouble(4))).list())));
    }
}
