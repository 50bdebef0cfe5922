package dev.tend.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An incident or a maintenance as the public page tells it, in Statuspage's terms: a status
 * ({@code investigating|identified|monitoring|resolved|postmortem}, or for maintenance
 * {@code scheduled|in_progress|verifying|completed}), an impact, the components affected, and
 * its updates, newest first.
 */
public record StatusIncident(String id, String name, String status, String impact, List<String> components, Instant createdAt, Instant updatedAt,
        Optional<Instant> resolvedAt, Optional<Instant> scheduledFor, Optional<Instant> scheduledUntil, List<Update> updates) {

    public static final List<String> INCIDENT_STATUSES = List.of("investigating", "identified", "monitoring", "resolved", "postmortem");
    public static final List<String> IMPACTS = List.of("none", "minor", "major", "critical");

    /** One update: the status it set, what it says, when, and who wrote it (never shown publicly). */
    public record Update(String id, String status, String body, Instant at, String actor) {}

    public boolean maintenance() {
        return scheduledFor.isPresent();
    }

    public boolean resolved() {
        return resolvedAt.isPresent();
    }
}
