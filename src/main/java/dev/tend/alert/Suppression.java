package dev.tend.alert;

import dev.tend.window.WindowOccurrence;
import java.time.Instant;

/**
 * What holds back the page of a new problem, and until when: a maintenance window, or a
 * maintenance run working on the target. If the incident is still open then, it pages at once.
 */
record Suppression(String by, Instant until) {

    static Suppression of(WindowOccurrence window) {
        return new Suppression("maintenance window " + window.window(), window.end());
    }
}
