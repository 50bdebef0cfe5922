package dev.tend.config;

/**
 * A resolved credential. Its text is reachable only through {@link #reveal()}, so printing or
 * serialising a config object by accident shows where the secret comes from, never what it is.
 */
public final class Secret {
    private final String value;
    private final String source;

    Secret(String value, String source) {
        this.value = value;
        this.source = source;
    }

    /** A reference read but not looked up (validation without secrets): it has no value to reveal. */
    static Secret unresolved(String source) {
        return new Secret(null, source);
    }

    /** The credential itself: pass it straight to the client library, never to output. */
    public String reveal() {
        if (value == null) throw new IllegalStateException(source + " was not resolved: the config was read without secrets");
        return value;
    }

    /** False for a reference read without secrets (tend validate --without-secrets): there is no value to check. */
    public boolean isResolved() {
        return value != null;
    }

    /** Where it came from, e.g. {@code ${env:PGPASSWORD}}; safe to show. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return source;
    }
}
