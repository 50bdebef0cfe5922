package dev.tend.postgres.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One session waiting for another, and on what: the waiter's ungranted lock (type and mode), the
 * modes its blocker holds on the same object (empty when the blocker is only queued ahead, wanting
 * {@code queuedMode}), and the relation, transaction or advisory key the lock is on, where known.
 * Any of these may be null: the lock can be granted between PostgreSQL's two looks at it.
 */
record LockWait(Session waiter, Session blocker, long waitedSeconds, String lockType, String wantedMode, String heldModes,
        String queuedMode, String relation, String transaction, String virtualTransaction, String advisoryKey) {

    /** A session as pg_stat_activity shows it; state and query only for the blocker. */
    record Session(int pid, String user, String application, String state, String query) {
        String named() {
            return "pid " + pid + " (" + SessionProbe.who(user, application) + ")";
        }

        String namedWithQuery() {
            return "pid " + pid + " (" + SessionProbe.who(user, application) + ", " + state + ": " + SessionProbe.sql(query) + ")";
        }
    }

    boolean isAdvisory() {
        return "advisory".equals(lockType);
    }

    /** The relation when the lock is on one (or on a row of one), else the blocker: what a person goes to look at. */
    String object() {
        return relation != null ? relation : "pid " + blocker.pid();
    }

    String detail() {
        var waits = waiter.named() + " has waited " + waitedSeconds + " s for ";
        if (lockType == null) return waits + "a lock held by " + blocker.namedWithQuery();
        return switch (lockType) {
            case "transactionid" -> waits + "transaction " + transaction + " of " + blocker.namedWithQuery() + " to end ("
                    + (relation == null ? "a row or key it changed" : "a row lock on " + relation) + ")";
            case "virtualxid" -> waits + "the transaction of " + blocker.namedWithQuery() + " to end (virtual transaction "
                    + virtualTransaction + ")";
            default -> waits + lockedThing() + blockerSide();
        };
    }

    private String lockedThing() {
        return switch (lockType) {
            case "relation" -> wantedMode + " on " + relation;
            case "tuple" -> wantedMode + " on a row of " + relation;
            case "advisory" -> "advisory lock " + advisoryKey + " (" + wantedMode + ")";
            default -> "the " + lockType + " lock" + (relation == null ? "" : " on " + relation) + " (" + wantedMode + ")";
        };
    }

    private String blockerSide() {
        if (heldModes != null) return ", held as " + heldModes + " by " + blocker.namedWithQuery();
        if (queuedMode != null) return "; " + blocker.namedWithQuery() + " is ahead of it in the queue, wanting " + queuedMode;
        return ", held by " + blocker.namedWithQuery();
    }

    /** The same facts for scripts, under stable names; only those PostgreSQL told. */
    Map<String, String> facts() {
        var facts = new LinkedHashMap<String, String>();
        put(facts, "lock_type", lockType);
        put(facts, "relation", relation);
        put(facts, "wanted_mode", wantedMode);
        put(facts, "held_modes", heldModes);
        put(facts, "blocker_queued_for", queuedMode);
        put(facts, "transaction", transaction);
        put(facts, "virtual_transaction", virtualTransaction);
        put(facts, "advisory_key", advisoryKey);
        facts.put("waiter_pid", String.valueOf(waiter.pid()));
        facts.put("blocker_pid", String.valueOf(blocker.pid()));
        return facts;
    }

    private static void put(Map<String, String> facts, String name, String value) {
        if (value != null) facts.put(name, value);
    }
}
