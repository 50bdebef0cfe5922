package dev.tend.alert;

import java.time.Instant;
import java.util.Optional;

/**
 * Alerts with a common cause, handled together. TRIGGERED until someone acknowledges it (an
 * acknowledgement may carry an end, after which it triggers again), RESOLVED when all its alerts are.
 */
public record Incident(long id, String title, Severity severity, State state, Instant openedAt, Optional<String> acknowledgedBy,
        Optional<Instant> acknowledgedAt, Optional<Instant> ackUntil, Optional<Instant> resolvedAt) {

    public enum State { TRIGGERED, ACKNOWLEDGED, RESOLVED }

    public boolean open() {
        return state != State.RESOLVED;
    }
}
