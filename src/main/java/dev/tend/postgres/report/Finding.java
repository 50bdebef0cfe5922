package dev.tend.postgres.report;

import dev.tend.check.Measurement;
import dev.tend.check.Status;
import java.util.List;

/**
 * One problem the database report found: its kind (a stable word such as {@code unused_index}),
 * the schema-qualified object, how serious it is, what was found with the figures, why it matters,
 * and the fix Tend would run (SQL, or what a person should do).
 */
public record Finding(String kind, String object, Status severity, String detail, String why, String fix,
        List<Measurement> figures) {}
