package dev.tend.access;

import java.time.Instant;
import java.util.Optional;

/** A token as it is listed: never its value, which only its creator saw, once. */
public record ApiToken(String name, Role role, Instant createdAt, String createdBy, Optional<Instant> lastUsedAt, Optional<Instant> revokedAt) {

    public boolean active() {
        return revokedAt.isEmpty();
    }
}
