package dev.tend.status;

import java.time.Duration;
import java.util.List;

/**
 * {@code statusPage:} what the public status page shows: its title, the components (targets
 * grouped under public names; a target in no component is internal and never shown), and how far
 * ahead maintenance is announced.
 */
public record StatusPageSettings(String title, List<Component> components, Duration announceAhead, boolean configured) {

    /** A component of the page: a public name and the targets behind it. */
    public record Component(String name, String description, List<String> targets) {}
}
