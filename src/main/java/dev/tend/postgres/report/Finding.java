package dev.tend.postgres.report;

import dev.tend.check.Measurement;
import dev.tend.check.Status;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One problem the database report found: its kind (a stable word such as {@code unused_index}),
 * the schema-qualified object, how serious it is, what was found with the figures, why it matters,
 * and the fix Tend would run (SQL, or what a person should do). Facts are the words a script needs
 * that are not numbers (a lock's modes, the relation it is on); most findings have none.
 */
public record Finding(String kind, String object, Status severity, String detail, String why, String fix,
        List<Measurement> figures, Map<String, String> facts) {

    public Finding {
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts)); // in the order the probe told them
    }

    public Finding(String kind, String object, Status severity, String detail, String why, String fix, List<Measurement> figures) {
        this(kind, object, severity, detail, why, fix, figures, Map.of());
    }

    /** The same finding told otherwise (redacted, or with what Tend's own history adds). */
    public Finding withDetail(String otherDetail, List<Measurement> otherFigures) {
        return new Finding(kind, object, severity, otherDetail, why, fix, otherFigures, facts);
    }
}
