package dev.tend.alert;

import dev.tend.check.Status;

/** How urgent an alert or incident is: a CRIT result is critical; WARN and UNKNOWN are warnings. */
public enum Severity {
    WARNING, CRITICAL;

    static Severity of(Status status) {
        return status == Status.CRIT ? CRITICAL : WARNING;
    }

    Severity max(Severity other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
