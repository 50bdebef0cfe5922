package dev.tend.audit;

import dev.tend.config.ConfigSection;
import dev.tend.config.SectionBinding;
import dev.tend.config.SectionKey;
import dev.tend.config.TendConfig;
import dev.tend.config.spec.DurationSpec;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.ListSpec;
import dev.tend.config.spec.ObjectSpec;
import dev.tend.config.spec.StringSpec;
import dev.tend.config.spec.Suggestions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code rotations:} secrets and keys that must be rotated, how often, and by whom. */
public final class RotationsSection implements ConfigSection<List<RotationSettings>> {
    public static final SectionKey<List<RotationSettings>> KEY = new SectionKey<>("rotations");

    public static List<RotationSettings> of(TendConfig config) {
        return config.list(KEY);
    }

    public static Optional<RotationSettings> named(TendConfig config, String name) {
        return config.named(KEY, RotationSettings::name, name);
    }

    @Override
    public SectionKey<List<RotationSettings>> key() {
        return KEY;
    }

    @Override
    public Field field() {
        return Field.optional("rotations", ListSpec.of(ObjectSpec.of("a secret that must be rotated",
                Field.required("name", StringSpec.matching("[a-z0-9][a-z0-9_.-]{0,62}", "lower-case letters, digits, '_', '.', '-'"),
                        "e.g. api-keys, db-passwords"),
                Field.required("every", DurationSpec.between(Duration.ofDays(1), Duration.ofDays(3650)), "the rotation period, e.g. 90d"),
                Field.required("owner", StringSpec.any(), "the role (or person) who rotates it and records it"),
                Field.optional("schedule", StringSpec.any(), "a schedule whose successful run rotates it (e.g. a command step)"))),
                "rotations: [{name: api-keys, every: 90d, owner: Security Team}]");
    }

    @Override
    public List<String> after() {
        return List.of("schedules");
    }

    @Override
    public List<RotationSettings> bind(SectionBinding binding) {
        var rotations = new ArrayList<RotationSettings>();
        var names = new HashSet<String>();
        var schedules = binding.names("schedules");
        for (var fields : binding.entries()) {
            if (!fields.has("name") || !fields.has("every") || !fields.has("owner")) continue;
            if (!names.add(fields.string("name"))) {
                binding.problems().at(fields.nodeOf("name"), fields.pathOf("name"), "duplicate rotation '" + fields.string("name") + "'", null);
                continue;
            }
            if (fields.has("schedule") && !schedules.contains(fields.string("schedule"))) {
                binding.problems().at(fields.nodeOf("schedule"), fields.pathOf("schedule"), "no schedule named '" + fields.string("schedule") + "'",
                        Suggestions.didYouMean(fields.string("schedule"), schedules));
                continue;
            }
            rotations.add(new RotationSettings(fields.string("name"), fields.duration("every"), fields.string("owner"), fields.optionalString("schedule")));
        }
        return rotations;
    }

    @Override
    public Set<String> names(List<RotationSettings> rotations) {
        return rotations.stream().map(RotationSettings::name).collect(Collectors.toSet());
    }
}
