package dev.tend.runbook;

import java.time.Instant;
import java.util.Optional;

/** A runbook being carried out: its state, the next step, who started it, and its log entry and notice once over. */
public record MaintenanceRun(long id, String runbook, State state, int position, Instant startedAt, Optional<Instant> finishedAt, String actor,
        String logEntry, String notice) {

    /** The lifecycle of a maintenance run; every change is an event with time and actor. */
    public enum State {
        ANNOUNCED, PRECHECKS, IN_PROGRESS, WAITING, VERIFYING, COMPLETED, ROLLED_BACK, FAILED;

        public boolean over() {
            return this == COMPLETED || this == ROLLED_BACK || this == FAILED;
        }
    }
}
