package dev.tend.postgres.task;

import dev.tend.check.Measurement;
import dev.tend.postgres.PostgresTarget;
import dev.tend.task.Impact;
import dev.tend.window.MaintenanceWindows;
import dev.tend.task.TaskOutcome;
import dev.tend.task.TaskOutcome.Result;
import dev.tend.task.TaskRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code pg.terminate-idle}: the runbook's "kill idle connections" — sessions of the target's
 * database idle for longer than a threshold (default 1 hour). Never Tend's own sessions, never a
 * superuser's, never replication. Disruptive: only inside a maintenance window, or with --force.
 */
public final class TerminateIdleTask implements PgTask {
    private static final String IDLE = """
            SELECT a.pid, a.usename, coalesce(a.application_name, ''), extract(epoch FROM now() - a.state_change)::bigint
            FROM pg_stat_activity a JOIN pg_roles r ON r.oid = a.usesysid
            WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() AND a.backend_type = 'client backend'
              AND a.state = 'idle' AND a.state_change < now() - make_interval(secs => ?)
              AND NOT r.rolsuper AND coalesce(a.application_name, '') NOT LIKE 'tend%'
            ORDER BY a.pid""";

    private final MaintenanceWindows windows;

    public TerminateIdleTask(MaintenanceWindows windows) {
        this.windows = windows;
    }

    @Override
    public String name() {
        return "pg.terminate-idle";
    }

    @Override
    public Impact impact() {
        return Impact.DISRUPTIVE;
    }

    @Override
    public TaskOutcome run(PostgresTarget target, TaskRequest request, Clock clock) {
        var scope = "sessions of " + target.database() + " idle over " + request.idleFor().toSeconds() + " s";
        var outcomes = new Outcomes(this, target, request, scope, clock);
        var steps = outcomes.steps;
        try (var session = MaintenanceSession.open(target, request.timeout())) {
            var connection = session.connection();
            var idle = idleSessions(connection, request.idleFor());
            idle.forEach(s -> steps.add("SELECT pg_terminate_backend(" + s.pid() + ")  -- " + s.who() + ", idle " + s.idleSeconds() + " s"));
            if (request.dryRun()) {
                return outcomes.end(Result.PLANNED, "dry run: " + idle.size() + " sessions would be ended");
            }
            if (!request.force() && !windows.isOpen(target.name(), outcomes.startedAt())) {
                return outcomes.end(Result.REFUSED, "disruptive task outside a maintenance window; "
                        + "wait for the window or pass --force");
            }
            var refusal = session.refusal(false);
            if (refusal.isPresent()) {
                return outcomes.end(Result.REFUSED, refusal.get());
            }
            int ended = 0;
            for (var victim : idle) {
                try (var statement = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
                    statement.setInt(1, victim.pid());
                    try (var rows = statement.executeQuery()) {
                        if (rows.next() && rows.getBoolean(1)) ended++;
                    }
                }
            }
            awaitGone(connection, idle);
            var remaining = idleSessions(connection, request.idleFor()).size();
            var reason = ended + " of " + idle.size() + " idle sessions ended" + (request.force() ? " (forced outside a window)" : "");
            return outcomes.end(Result.SUCCEEDED, reason, List.of(new Measurement("idle_sessions", idle.size(), "count")),
                    List.of(new Measurement("idle_sessions", remaining, "count")));
        } catch (SQLException e) {
            return outcomes.failed(e, "");
        }
    }

    private record IdleSession(int pid, String who, long idleSeconds) {}

    /** pg_terminate_backend only signals; give the sessions a moment (bounded) to leave before counting. */
    private static void awaitGone(Connection connection, List<IdleSession> ended) throws SQLException {
        if (ended.isEmpty()) return;
        var pids = ended.stream().map(s -> String.valueOf(s.pid())).toList();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            try (var statement = connection.createStatement();
                    var rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE pid IN (" + String.join(",", pids) + ")")) {
                rows.next();
                if (rows.getInt(1) == 0) return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static List<IdleSession> idleSessions(Connection connection, Duration idleFor) throws SQLException {
        try (var statement = connection.prepareStatement(IDLE)) {
            statement.setLong(1, idleFor.toSeconds());
            try (var rows = statement.executeQuery()) {
                var sessions = new ArrayList<IdleSession>();
                while (rows.next()) {
                    var app = rows.getString(3);
                    sessions.add(new IdleSession(rows.getInt(1), rows.getString(2) + (app.isEmpty() ? "" : "/" + app), rows.getLong(4)));
                }
                return sessions;
            }
        }
    }
}
