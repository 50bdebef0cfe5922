package dev.tend.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One account as a review sees it: its roles, whether it is a superuser or an administrator,
 * whether it can log in, when it was last seen (when anything records that), and what else is
 * worth saying about it ("password expired 2026-11-02", "no password").
 */
public record Account(String name, List<String> roles, boolean superuser, boolean admin, boolean canLogin, Optional<Instant> lastSeen,
        List<String> notes) {}
