package dev.tend.alert.notify;

import java.time.Instant;
import java.util.List;

/**
 * What a notifier delivers, whatever its channel: the kind of event, the incident, its alerts, and
 * the idempotency key the far end can deduplicate by (the same on every retry).
 */
public record Message(String idempotencyKey, String type, String platform, Instant at, String actor, String detail,
        IncidentView incident, List<AlertView> alerts, List<Addressee> addressees, java.util.Optional<WindowView> window) {

    /** A message about an incident, to the people an escalation level names. */
    public Message(String idempotencyKey, String type, String platform, Instant at, String actor, String detail, IncidentView incident,
            List<AlertView> alerts, List<Addressee> addressees) {
        this(idempotencyKey, type, platform, at, actor, detail, incident, alerts, addressees, java.util.Optional.empty());
    }

    /** A message to nobody in particular (every notifier's own recipients). */
    public Message(String idempotencyKey, String type, String platform, Instant at, String actor, String detail, IncidentView incident,
            List<AlertView> alerts) {
        this(idempotencyKey, type, platform, at, actor, detail, incident, alerts, List.of());
    }

    public Message {
        addressees = addressees == null ? List.of() : List.copyOf(addressees); // stored before addressees existed
        window = window == null ? java.util.Optional.empty() : window;
    }

    /** A person an escalation level names (on call in a rotation, or named): told by name, written to when they have an email. */
    public record Addressee(String name, java.util.Optional<String> email, java.util.Optional<String> slack) {}

    /** incident.triggered, incident.acknowledged, incident.resolved, notification.dead, test */
    public static final String TRIGGERED = "incident.triggered";
    public static final String ACKNOWLEDGED = "incident.acknowledged";
    public static final String RESOLVED = "incident.resolved";
    public static final String DEAD = "notification.dead";
    public static final String TEST = "test";
    /** Announcements to users: a maintenance run started, a runbook's notify step, the run's completion notice. */
    public static final String MAINTENANCE_STARTED = "maintenance.started";
    public static final String MAINTENANCE_NOTICE = "maintenance.notice";
    public static final String MAINTENANCE_ENDED = "maintenance.ended";
    /** A maintenance window mirrored as a silence, for far ends that have them (Alertmanager). */
    public static final String SILENCE = "window.silence";

    /** One opening of a maintenance window. */
    public record WindowView(String name, Instant start, Instant end) {}

    /** An announcement to users, not about an incident (its incident view carries the title, with id 0). */
    public boolean announcement() {
        return type.startsWith("maintenance.");
    }

    public record IncidentView(long id, String title, String severity, String state, Instant openedAt) {}

    public record AlertView(String fingerprint, String subject, String name, String state, String severity, String reason) {}

    /** One line for chat and mail subjects: "[CRITICAL] Lab: incident 3 triggered: db/connect: connection refused". */
    public String headline() {
        if (announcement()) return "[MAINTENANCE] " + platform + ": " + incident.title();
        if (type.equals(SILENCE)) return "[MAINTENANCE] " + platform + ": " + incident.title();
        if (incident.id() == 0) return "[" + incident.severity() + "] " + platform + ": could not deliver: " + incident.title();
        var verb = switch (type) {
            case TRIGGERED -> "triggered";
            case ACKNOWLEDGED -> "acknowledged by " + actor;
            case RESOLVED -> "resolved";
            case DEAD -> "could not be notified";
            default -> "test";
        };
        return "[" + incident.severity() + "] " + platform + ": incident " + incident.id() + " " + verb + ": " + incident.title();
    }
}
