package dev.tend.alert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One alert identity and where it stands: OK (perhaps on its way to firing: {@code badStreak}),
 * FIRING, or FLAPPING (held open while it keeps changing). {@code changes} are the recent times it
 * fired or resolved, for flap detection.
 */
public record Alert(long id, String fingerprint, String source, String subject, String name, State state, Severity severity,
        int badStreak, int goodStreak, String reason, Instant since, Instant updatedAt, Optional<Long> incidentId, List<Instant> changes) {

    public enum State {
        OK, FIRING, FLAPPING;

        public boolean active() {
            return this != OK;
        }
    }

    /** "db/connect" for a check; "schedule nightly-backup", "maintenance pg-upgrade", "checklist daily/review-logs" for the rest. */
    public String label() {
        if (source.equals("check")) return subject + "/" + name;
        return source + " " + subject + (name.equals("run") ? "" : "/" + name);
    }

    /** A new identity, not yet seen bad. */
    static Alert fresh(String fingerprint, String source, String subject, String name, Instant now) {
        return new Alert(0, fingerprint, source, subject, name, State.OK, Severity.WARNING, 0, 0, "", now, now, Optional.empty(), List.of());
    }

    Alert with(State newState, Severity newSeverity, int bad, int good, String newReason, Instant newSince, Instant now, List<Instant> newChanges) {
        return new Alert(id, fingerprint, source, subject, name, newState, newSeverity, bad, good, newReason, newSince, now, incidentId, newChanges);
    }

    Alert inIncident(Optional<Long> incident) {
        return new Alert(id, fingerprint, source, subject, name, state, severity, badStreak, goodStreak, reason, since, updatedAt, incident, changes);
    }
}
