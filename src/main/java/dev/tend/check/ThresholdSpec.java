package dev.tend.check;

import dev.tend.config.spec.Field;
import dev.tend.config.spec.Fields;
import dev.tend.config.spec.NumberSpec;
import dev.tend.config.spec.ObjectSpec;
import dev.tend.config.spec.Problems;
import dev.tend.config.spec.Spec;

/** The {@code {warn: .., crit: ..}} mapping used wherever a figure has levels. */
public final class ThresholdSpec {
    private ThresholdSpec() {}

    public static Field field(String key, Spec number, String warn, String crit, String description) {
        var spec = ObjectSpec.of(description,
                Field.withDefault("warn", number, warn, "level at which the check warns"),
                Field.withDefault("crit", number, crit, "level at which the check is critical"));
        return Field.withDefault(key, spec, "{}", description);
    }

    public static Field percent(String key, int warn, int crit, String description) {
        return field(key, NumberSpec.decimal(0, 100), String.valueOf(warn), String.valueOf(crit), description);
    }

    /** Reads the levels, objecting when they are the wrong way round. */
    public static Thresholds read(Fields owner, String key, boolean higherIsWorse, Problems problems) {
        var levels = owner.object(key);
        var thresholds = new Thresholds(levels.number("warn"), levels.number("crit"));
        boolean ordered = higherIsWorse ? thresholds.warn() <= thresholds.crit() : thresholds.warn() >= thresholds.crit();
        if (!ordered) {
            problems.at(levels.node(), owner.pathOf(key), "warn must be " + (higherIsWorse ? "below" : "above") + " crit",
                    higherIsWorse ? "e.g. {warn: 80, crit: 90}" : "e.g. {warn: 30, crit: 7}");
        }
        return thresholds;
    }
}
