package dev.tend.backup;

/** Tend's own version, recorded in every manifest. */
final class Versions {
    static final String TEND = "0.1.0";

    private Versions() {}
}
