package dev.tend.status;

import java.time.Instant;
import java.util.List;

/**
 * The public status page as of one moment: what /status, its Statuspage-compatible JSON and its
 * feeds render. Nothing internal is in it: no target names, no reasons, no people.
 */
public record StatusPage(String id, String title, Instant updatedAt, List<Component> components, Indicator indicator, List<StatusIncident> incidents,
        List<StatusIncident> maintenances) {

    /** A component: its id (a slug of its name), status and position on the page. */
    public record Component(String id, String name, String description, ComponentStatus status, Instant updatedAt, int position) {}

    /** Statuspage's rollup: {@code none|minor|major|critical}, with words ("All Systems Operational"). */
    public record Indicator(String indicator, String description) {}

    public List<StatusIncident> unresolvedIncidents() {
        return incidents.stream().filter(incident -> !incident.resolved()).toList();
    }

    public List<StatusIncident> upcomingMaintenances() {
        return maintenances.stream().filter(maintenance -> maintenance.status().equals(StatusPageBuilder.SCHEDULED)).toList();
    }

    public List<StatusIncident> activeMaintenances() {
        return maintenances.stream().filter(maintenance -> maintenance.status().equals(StatusPageBuilder.IN_PROGRESS)
                || maintenance.status().equals(StatusPageBuilder.VERIFYING)).toList();
    }
}
