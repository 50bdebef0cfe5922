package dev.tend.web;

import dev.tend.access.Role;
import io.javalin.security.RouteRole;
import java.util.Optional;

/** Who may call a route: anyone (the status page, liveness), or a role and those above it. */
public enum Access implements RouteRole {
    PUBLIC(null), VIEWER(Role.VIEWER), OPERATOR(Role.OPERATOR), ADMIN(Role.ADMIN);

    private final Role role;

    Access(Role role) {
        this.role = role;
    }

    public Optional<Role> role() {
        return Optional.ofNullable(role);
    }
}
