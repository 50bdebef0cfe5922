package dev.tend.capacity;

import dev.tend.config.ConfigSection;
import dev.tend.config.SectionBinding;
import dev.tend.config.SectionKey;
import dev.tend.config.TendConfig;
import dev.tend.config.spec.DurationSpec;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.NumberSpec;
import dev.tend.config.spec.ObjectSpec;
import java.time.Duration;
import java.util.List;

/** {@code capacity: {level: 80, warnWithin: 30d, critWithin: 7d, minHistory: 14d}}: how forecast checks judge. */
public final class CapacitySection implements ConfigSection<CapacitySettings> {
    public static final SectionKey<CapacitySettings> KEY = new SectionKey<>("capacity");

    public static CapacitySettings of(TendConfig config) {
        CapacitySettings settings = config.section(KEY);
        return settings == null ? CapacitySettings.DEFAULT : settings;
    }

    @Override
    public SectionKey<CapacitySettings> key() {
        return KEY;
    }

    @Override
    public Field field() {
        return Field.optional("capacity", ObjectSpec.of("how forecasts of growing quantities (disk, database, memory...) are judged",
                Field.withDefault("level", NumberSpec.decimal(1, 100), "80", "the percent of capacity whose forecast date is judged"),
                Field.withDefault("warnWithin", DurationSpec.between(Duration.ofDays(1), Duration.ofDays(3650)), "30d",
                        "WARN when the level is forecast within this"),
                Field.withDefault("critWithin", DurationSpec.between(Duration.ofDays(1), Duration.ofDays(3650)), "7d",
                        "CRIT when the level is forecast within this"),
                Field.withDefault("minHistory", DurationSpec.between(Duration.ofDays(3), Duration.ofDays(90)), "14d",
                        "days of history a trend needs; UNKNOWN before")),
                "capacity: {level: 80, warnWithin: 30d, critWithin: 7d}");
    }

    @Override
    public List<String> after() {
        return List.of();
    }

    @Override
    public CapacitySettings bind(SectionBinding binding) {
        var fields = binding.fields();
        // An invalid value was reported where it stands; nothing to bind then.
        if (fields == null || java.util.stream.Stream.of("level", "warnWithin", "critWithin", "minHistory").anyMatch(key -> !fields.has(key))) return null;
        if (fields.duration("critWithin").compareTo(fields.duration("warnWithin")) > 0) {
            binding.problems().at(fields.nodeOf("critWithin"), fields.pathOf("critWithin"), "critWithin is longer than warnWithin",
                    "the critical horizon is the shorter one, e.g. warnWithin: 30d, critWithin: 7d");
            return null;
        }
        return new CapacitySettings(fields.number("level"), fields.duration("warnWithin"), fields.duration("critWithin"),
                (int) fields.duration("minHistory").toDays());
    }
}
