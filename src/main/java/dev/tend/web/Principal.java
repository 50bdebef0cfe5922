package dev.tend.web;

import dev.tend.access.Role;
import java.util.Optional;

/**
 * Who made a request, as the audit log and the services name them: a person logged in ("alice",
 * with the session's CSRF token) or a token ("token prometheus").
 */
public record Principal(String name, Role role, Optional<String> csrf) {
    static final String ATTRIBUTE = "tend.principal";

    public boolean person() {
        return csrf.isPresent();
    }
}
