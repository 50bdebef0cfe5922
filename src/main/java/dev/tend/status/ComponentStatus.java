package dev.tend.status;

import java.util.Locale;

/** A component's status, with Statuspage's names, from best to worst (under maintenance apart). */
public enum ComponentStatus {
    OPERATIONAL, DEGRADED_PERFORMANCE, PARTIAL_OUTAGE, MAJOR_OUTAGE, UNDER_MAINTENANCE;

    /** As Statuspage writes it: {@code partial_outage}. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** In words, for the page: "Partial outage". */
    public String words() {
        var text = name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
