package dev.tend.postgres.report;

import dev.tend.check.Measurement;
import dev.tend.check.Status;
import dev.tend.check.Text;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Blocking locks, long-running queries, idle-in-transaction and long-idle sessions of this database. */
final class SessionProbe implements ReportProbe {
    private static final String CLIENTS = " datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'";

    private static final String SESSIONS = """
            SELECT pid, usename, coalesce(application_name, ''), state,
                   extract(epoch FROM now() - query_start)::bigint, extract(epoch FROM now() - state_change)::bigint, query
            FROM pg_stat_activity WHERE """ + CLIENTS + " ORDER BY pid";

    @Override
    public String name() {
        return "sessions";
    }

    @Override
    public List<Finding> find(Connection connection, ReportPolicy policy) throws SQLException {
        record Judged(Finding finding, boolean own) {}
        var judged = new ArrayList<Judged>();
        for (var wait : BlockingLocks.waits(connection)) {
            // Tend waiting is Tend's own business; Tend in the application's way is the user's.
            boolean own = OwnActivity.isOwnSession(wait.waiter().application()) && !OwnActivity.isOwnSession(wait.blocker().application());
            judged.add(new Judged(BlockingLocks.finding(wait), own));
        }
        judged.addAll(Rows.query(connection, SESSIONS, row -> {
            var finding = session(row, policy);
            return finding == null ? null : new Judged(finding, OwnActivity.isOwnSession(row.getString(3)));
        }));
        var findings = new ArrayList<Finding>();
        judged.stream().filter(judgement -> policy.includeOwn() || !judgement.own()).forEach(judgement -> findings.add(judgement.finding()));
        OwnActivity.leftOut("sessions", judged.size() - findings.size(),
                "Tend's own sessions (application_name tend, also its pg_dump)").ifPresent(findings::add);
        return findings;
    }

    private static Finding session(ResultSet row, ReportPolicy policy) throws SQLException {
        var state = row.getString(4) == null ? "" : row.getString(4);
        int pid = row.getInt(1);
        var who = "pid " + pid + " (" + who(row.getString(2), row.getString(3)) + ")";
        long runningFor = row.getLong(5);
        long inStateFor = row.getLong(6);
        if (state.equals("active") && runningFor >= policy.longQuery().toSeconds()) {
            return new Finding("long_running_query", "pid " + pid, Status.WARN,
                    who + " has run one query for " + runningFor + " s: " + sql(row.getString(7)),
                    "a long query holds locks and snapshots: vacuum cannot remove rows it might still see",
                    "SELECT pg_cancel_backend(" + pid + ")", List.of(new Measurement("running", runningFor, "s")));
        }
        if (state.startsWith("idle in transaction") && inStateFor >= policy.idleInTransaction().toSeconds()) {
            return new Finding("idle_in_transaction", "pid " + pid, Status.WARN,
                    who + " has been " + state + " for " + inStateFor + " s after: " + sql(row.getString(7)),
                    "an open transaction holds its locks and stops vacuum from cleaning up behind it",
                    "SELECT pg_terminate_backend(" + pid + ")", List.of(new Measurement("idle", inStateFor, "s")));
        }
        if (state.equals("idle") && inStateFor >= policy.idleSession().toSeconds()) {
            return new Finding("idle_session", "pid " + pid, Status.WARN,
                    who + " has been idle for " + inStateFor + " s",
                    "idle connections use a connection slot and memory; the runbooks end those idle for over an hour",
                    "SELECT pg_terminate_backend(" + pid + ")  -- tend run pg.terminate-idle", List.of(new Measurement("idle", inStateFor, "s")));
        }
        return null;
    }

    static String who(String user, String application) {
        return (user == null ? "?" : user) + (application.isEmpty() ? "" : ", " + application);
    }

    static String sql(String query) {
        var text = Text.printable(query == null ? "" : query).replaceAll("\\s+", " ").strip();
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
