package dev.tend.task;

import java.time.Instant;

/**
 * Whether a maintenance window is open for a target. Disruptive tasks ask before they start. The
 * calendar (recurring and emergency windows) implements it; until one is configured no window is
 * ever open, so disruptive work needs an explicit --force.
 */
public interface MaintenanceWindows {

    boolean isOpen(String target, Instant at);

    static MaintenanceWindows none() {
        return (target, at) -> false;
    }
}
