package dev.tend.people;

import java.util.List;
import java.util.Optional;

/**
 * Someone on the platform team: the roles they hold (System Administrator, Database
 * Administrator, ...), which decide what they may sign, and how to reach them — kept for the
 * record and used by escalations that name them or their rotation.
 */
public record Person(String name, List<String> roles, Optional<String> email, Optional<String> slack, Optional<String> phone,
        Optional<String> pagerduty) {

    /** Someone known only by name and roles. */
    public Person(String name, List<String> roles) {
        this(name, roles, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean holds(String role) {
        return roles.stream().anyMatch(held -> held.equalsIgnoreCase(role));
    }
}
