package dev.tend.runbook;

import java.util.List;

/** Someone who signs checklist items, and the roles they hold (System Administrator, Database Administrator, ...). */
public record Person(String name, List<String> roles) {

    public boolean holds(String role) {
        return roles.stream().anyMatch(held -> held.equalsIgnoreCase(role));
    }
}
