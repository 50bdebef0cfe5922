package dev.tend.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a token or a person may do over HTTP, each role including the ones before it: a viewer
 * reads; an operator also acknowledges, signs and runs; an admin also manages tokens and users.
 */
public enum Role {
    VIEWER, OPERATOR, ADMIN;

    public boolean allows(Role needed) {
        return compareTo(needed) >= 0;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code viewer}, {@code operator} or {@code admin}, in any case. */
    public static Optional<Role> parse(String text) {
        return Arrays.stream(values()).filter(role -> role.name().equalsIgnoreCase(text.strip())).findFirst();
    }
}
