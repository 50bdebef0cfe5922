package dev.tend.task;

/** What running a task does to the people using the target. */
public enum Impact {
    /** Safe while the platform serves users (VACUUM, ANALYZE, REINDEX CONCURRENTLY). */
    ONLINE,
    /** Interrupts users (terminating sessions, locking rewrites): only inside a maintenance window. */
    DISRUPTIVE
}
