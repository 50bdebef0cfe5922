package dev.tend.check;

import dev.tend.config.ConfigSection;
import dev.tend.config.SectionBinding;
import dev.tend.config.SectionKey;
import dev.tend.config.TendConfig;
import dev.tend.config.spec.DurationSpec;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.ObjectSpec;
import java.time.Duration;
import java.util.List;

/**
 * {@code retention: {results: 90d}}: how long raw check results are kept. Older ones live on as
 * daily rollups (kept for good); tend serve removes them.
 */
public final class RetentionSection implements ConfigSection<Duration> {
    public static final SectionKey<Duration> KEY = new SectionKey<>("retention");
    public static final Duration DEFAULT = Duration.ofDays(90);

    /** How long raw results are kept. */
    public static Duration results(TendConfig config) {
        Duration kept = config.section(KEY);
        return kept == null ? DEFAULT : kept;
    }

    @Override
    public SectionKey<Duration> key() {
        return KEY;
    }

    @Override
    public Field field() {
        return Field.optional("retention", ObjectSpec.of("how long Tend keeps what it stores",
                Field.withDefault("results", DurationSpec.between(Duration.ofDays(2), Duration.ofDays(36_500)), "90d",
                        "raw check results; older ones remain as daily rollups (tend serve removes them)")),
                "retention: {results: 90d}");
    }

    @Override
    public List<String> after() {
        return List.of();
    }

    @Override
    public Duration bind(SectionBinding binding) {
        var fields = binding.fields();
        return fields == null || !fields.has("results") ? null : fields.duration("results");
    }
}
