package dev.tend.target;

import dev.tend.config.ConfigSection;
import dev.tend.config.SectionBinding;
import dev.tend.config.SectionKey;
import dev.tend.config.TendConfig;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.ListSpec;
import dev.tend.target.TargetSpec.TargetEntry;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code targets:} the components Tend watches, read by their target types. */
public final class TargetsSection implements ConfigSection<TargetsSection.Targets> {
    public static final SectionKey<Targets> KEY = new SectionKey<>("targets");

    /**
     * The targets that were built, and the names of those whose own problems kept them from being
     * built: a reference to one of those is not a second problem.
     */
    public record Targets(List<Target> all, Set<String> unbuilt) {}

    private final TargetTypes types;

    public TargetsSection(TargetTypes types) {
        this.types = types;
    }

    public static List<Target> of(TendConfig config) {
        var targets = config.section(KEY);
        return targets == null ? List.of() : targets.all();
    }

    public static Optional<Target> named(TendConfig config, String name) {
        return of(config).stream().filter(target -> name.equals(target.name())).findFirst();
    }

    @Override
    public SectionKey<Targets> key() {
        return KEY;
    }

    @Override
    public Field field() {
        return Field.required("targets", ListSpec.of(new TargetSpec(types)), "the components Tend watches");
    }

    @Override
    public Targets bind(SectionBinding binding) {
        List<TargetEntry> entries = binding.value() instanceof List<?> list
                ? list.stream().filter(TargetEntry.class::isInstance).map(TargetEntry.class::cast).toList() : List.of();
        References.check(entries, binding.problems());
        // A target whose name is wrong is reported, and nothing can refer to it.
        var built = entries.stream().map(TargetEntry::target).filter(Objects::nonNull).filter(target -> target.name() != null).toList();
        var unbuilt = entries.stream().filter(entry -> entry.target() == null).map(TargetEntry::name).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        return new Targets(built, unbuilt);
    }

    @Override
    public Set<String> names(Targets targets) {
        var names = new HashSet<>(targets.unbuilt());
        targets.all().forEach(target -> names.add(target.name()));
        return names;
    }
}
