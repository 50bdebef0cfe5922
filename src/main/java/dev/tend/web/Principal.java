package dev.tend.web;

import dev.tend.access.Role;

/** Who made a request, as the audit log and the services name them ("token prometheus"). */
public record Principal(String name, Role role) {
    static final String ATTRIBUTE = "tend.principal";
}
