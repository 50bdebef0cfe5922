package dev.tend.schedule;

import dev.tend.config.spec.EnumSpec;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.Fields;
import dev.tend.config.spec.ObjectSpec;
import java.util.Locale;

/** The {@code dst:} mapping of windows and schedules: the daylight-saving policy, spelled out. */
final class DstFields {
    private DstFields() {}

    static Field field() {
        return Field.withDefault("dst", ObjectSpec.of("what happens when daylight saving skips or repeats the time",
                Field.withDefault("skipped", EnumSpec.of("shift", "skip"), "shift",
                        "the time does not exist that day: shift (run late by the gap) or skip (not that day)"),
                Field.withDefault("repeated", EnumSpec.of("first", "second", "both"), "first",
                        "the time happens twice that day: run at the first, the second, or both")),
                "{}", "dst: {skipped: shift, repeated: first}");
    }

    /** The policy, or null when a value was unreadable (already reported). */
    static DstPolicy read(Fields owner) {
        var dst = owner.object("dst");
        if (dst == null || dst.string("skipped") == null || dst.string("repeated") == null) return null;
        return new DstPolicy(DstPolicy.Skipped.valueOf(dst.string("skipped").toUpperCase(Locale.ROOT)),
                DstPolicy.Repeated.valueOf(dst.string("repeated").toUpperCase(Locale.ROOT)));
    }
}
