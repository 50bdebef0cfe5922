package dev.tend.runbook;

import java.time.Instant;

/** One entry of a run's timeline: a state change, a step's start or end, a sign-off, a note. */
public record MaintenanceEvent(long runId, Instant at, String actor, Kind kind, String step, String detail) {

    public enum Kind { STATE, STEP_STARTED, STEP_SUCCEEDED, STEP_FAILED, STEP_SKIPPED, SIGNED, NOTE }
}
