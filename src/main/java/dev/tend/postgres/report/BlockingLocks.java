package dev.tend.postgres.report;

import dev.tend.check.Measurement;
import dev.tend.check.Status;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Who waits for whom, and on what: each waiting session's ungranted lock from pg_locks, set against
 * what its blocker holds on the same object (or, when the blocker is only ahead in the queue, what
 * it wants). Names come from the catalog, never from a relation itself, so nothing here waits.
 */
final class BlockingLocks {
    /** Two pg_locks rows are on the same lockable object when every field of the lock tag matches. */
    private static final String SAME_OBJECT = """
            (%1$s.locktype, %1$s.database, %1$s.relation, %1$s.page, %1$s.tuple, %1$s.virtualxid, %1$s.transactionid,
             %1$s.classid, %1$s.objid, %1$s.objsubid)
            IS NOT DISTINCT FROM (w.locktype, w.database, w.relation, w.page, w.tuple, w.virtualxid, w.transactionid,
             w.classid, w.objid, w.objsubid)""";

    // pg_locks is read once (a materialized CTE), so the waiter's and the blocker's rows come from one snapshot.
    // A waiter on another transaction (a row lock) holds the tuple lock of that row: it names the table.
    private static final String WAITS = """
            WITH locks AS MATERIALIZED (SELECT * FROM pg_locks),
            w AS (
                SELECT a.pid, a.usename, coalesce(a.application_name, '') AS app,
                       extract(epoch FROM now() - a.query_start)::bigint AS waited, blocker.pid AS blocker,
                       l.locktype, l.mode, l.database, l.relation, l.page, l.tuple, l.virtualxid, l.transactionid,
                       l.classid, l.objid, l.objsubid
                FROM pg_stat_activity a
                JOIN LATERAL (SELECT DISTINCT unnest(pg_blocking_pids(a.pid))) AS blocker(pid) ON true
                LEFT JOIN locks l ON l.pid = a.pid AND NOT l.granted
                WHERE a.datname = current_database() AND a.pid <> pg_backend_pid())
            SELECT w.pid, w.usename, w.app, w.waited, b.pid, b.usename, coalesce(b.application_name, ''), b.state, b.query,
                   w.locktype, w.mode,
                   (SELECT string_agg(DISTINCT h.mode, ', ') FROM locks h WHERE h.pid = b.pid AND h.granted AND %1$s),
                   (SELECT min(q.mode) FROM locks q WHERE q.pid = b.pid AND NOT q.granted AND %2$s),
                   (SELECT format('%%I.%%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE c.oid = coalesce(w.relation, (SELECT min(t.relation) FROM locks t
                                                        WHERE t.pid = w.pid AND t.granted AND t.locktype = 'tuple'))),
                   w.transactionid::text, w.virtualxid,
                   CASE WHEN w.locktype <> 'advisory' THEN NULL
                        WHEN w.objsubid = 1 THEN ((w.classid::bigint << 32) | w.objid::bigint)::text
                        ELSE w.classid || ', ' || w.objid END
            FROM w JOIN pg_stat_activity b ON b.pid = w.blocker
            ORDER BY w.waited DESC, w.pid, b.pid""".formatted(SAME_OBJECT.formatted("h"), SAME_OBJECT.formatted("q"));

    private BlockingLocks() {}

    /** One finding per waiting session and each session it waits for. */
    static List<LockWait> waits(Connection connection) throws SQLException {
        return Rows.query(connection, WAITS, row -> new LockWait(
                new LockWait.Session(row.getInt(1), row.getString(2), row.getString(3), null, null),
                new LockWait.Session(row.getInt(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9)),
                row.getLong(4), row.getString(10), row.getString(11), row.getString(12), row.getString(13), row.getString(14),
                row.getString(15), row.getString(16), row.getString(17)));
    }

    static Finding finding(LockWait wait) {
        int blocker = wait.blocker().pid();
        var release = wait.isAdvisory()
                ? "have pid " + blocker + " release it (pg_advisory_unlock), or as a last resort SELECT pg_terminate_backend(" + blocker + ")"
                : "end the blocker's transaction, or as a last resort SELECT pg_terminate_backend(" + blocker + ")";
        return new Finding("blocking_lock", wait.object(), Status.CRIT, wait.detail(),
                "everything queued behind a lock waits too; a blocked migration can stall a whole application", release,
                List.of(new Measurement("waiting", wait.waitedSeconds(), "s")), wait.facts());
    }
}
