package dev.tend.window;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether a maintenance window is open for a target. Disruptive tasks ask before they start. The
 * calendar ({@code windows:} in tend.yaml) implements it; with no windows configured none is ever
 * open, so disruptive work needs an explicit --force.
 */
public interface MaintenanceWindows {

    boolean isOpen(String target, Instant at);

    /** The open window with the most time left, if any. */
    default Optional<WindowOccurrence> openAt(String target, Instant at) {
        return Optional.empty();
    }

    /** The openings covering the target that overlap [from, to): for checking many instants of one period at once. */
    default java.util.List<WindowOccurrence> openingsFor(String target, Instant from, Instant to) {
        return java.util.List.of();
    }

    static MaintenanceWindows none() {
        return (target, at) -> false;
    }
}
