package dev.tend.target;

import dev.tend.config.spec.Fields;
import dev.tend.config.spec.Problems;

/** Everything a target type needs to turn validated fields into a target, and to object to them. */
public record TargetBinding(TargetSettings settings, Fields fields, Problems problems) {

    /** Reports a problem with one key's value at the line and column where it was written. */
    public void problem(String key, String message, String hint) {
        problems.at(fields.nodeOf(key), fields.pathOf(key), message, hint);
    }
}
