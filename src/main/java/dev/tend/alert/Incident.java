package dev.tend.alert;

import java.time.Instant;
import java.util.Optional;

/**
 * Alerts with a common cause, handled together. TRIGGERED until someone acknowledges it (an
 * acknowledgement may carry an end, after which it triggers again), RESOLVED when all its alerts are.
 */
public record Incident(long id, String title, Severity severity, State state, Instant openedAt, Optional<String> acknowledgedBy,
        Optional<Instant> acknowledgedAt, Optional<Instant> ackUntil, Optional<Instant> resolvedAt, Optional<String> suppressedBy,
        Optional<Instant> suppressedUntil) {

    public enum State { TRIGGERED, ACKNOWLEDGED, RESOLVED }

    public boolean open() {
        return state != State.RESOLVED;
    }

    /** Triggered again: no acknowledgement, not resolved (a lapsed ack, a flap reopening it). */
    Incident triggered() {
        return new Incident(id, title, severity, State.TRIGGERED, openedAt, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                suppressedBy, suppressedUntil);
    }

    Incident acknowledged(String person, Instant at, Optional<Instant> until) {
        return new Incident(id, title, severity, State.ACKNOWLEDGED, openedAt, Optional.of(person), Optional.of(at), until, Optional.empty(),
                suppressedBy, suppressedUntil);
    }

    Incident withSeverity(Severity newSeverity) {
        return new Incident(id, title, newSeverity, state, openedAt, acknowledgedBy, acknowledgedAt, ackUntil, resolvedAt, suppressedBy, suppressedUntil);
    }

    /** Held back only until {@code end}: the maintenance that held it is over. */
    Incident suppressedUntil(Instant end) {
        return new Incident(id, title, severity, state, openedAt, acknowledgedBy, acknowledgedAt, ackUntil, resolvedAt, suppressedBy, Optional.of(end));
    }

    /** No longer held back by a window: from now on it pages like any other. */
    Incident unsuppressed() {
        return new Incident(id, title, severity, state, openedAt, acknowledgedBy, acknowledgedAt, ackUntil, resolvedAt, Optional.empty(), Optional.empty());
    }

    /** Opened inside a window: pages only if still open when the window ends. */
    public boolean suppressed() {
        return suppressedUntil.isPresent();
    }
}
