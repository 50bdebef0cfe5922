package dev.tend.alert.notify;

import dev.tend.config.ConfigSection;
import dev.tend.config.SectionBinding;
import dev.tend.config.SectionKey;
import dev.tend.config.TendConfig;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.ListSpec;
import dev.tend.config.spec.ObjectSpec;
import dev.tend.config.spec.StringSpec;
import dev.tend.config.spec.UnionSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code notifiers:} the channels incidents and announcements are delivered through. */
public final class NotifiersSection implements ConfigSection<List<Notifier>> {
    public static final SectionKey<List<Notifier>> KEY = new SectionKey<>("notifiers");
    private static final StringSpec NAME = StringSpec.matching("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}", "letters, digits, '_', '.', '-'");

    private final NotifierTypes types;

    public NotifiersSection(NotifierTypes types) {
        this.types = types;
    }

    public static List<Notifier> of(TendConfig config) {
        return config.list(KEY);
    }

    public static Optional<Notifier> named(TendConfig config, String name) {
        return config.named(KEY, Notifier::name, name);
    }

    @Override
    public SectionKey<List<Notifier>> key() {
        return KEY;
    }

    @Override
    public Field field() {
        var variants = new LinkedHashMap<String, ObjectSpec>();
        types.byName().forEach((name, type) -> {
            var fields = new ArrayList<Field>();
            fields.add(Field.required("name", NAME, "a unique name, used by escalations, announcements and tend notify test"));
            fields.add(Field.required("type", StringSpec.any(), "the kind of notifier"));
            fields.addAll(type.fields());
            variants.put(name, new ObjectSpec(type.summary(), List.copyOf(fields)));
        });
        return Field.optional("notifiers", ListSpec.of(new UnionSpec("type", variants)),
                "where incidents and announcements are delivered: " + String.join(", ", types.byName().keySet()));
    }

    /** A notifier may mirror maintenance windows (Alertmanager silences), so windows are bound first. */
    @Override
    public List<String> after() {
        return List.of("windows");
    }

    @Override
    public List<Notifier> bind(SectionBinding binding) {
        var notifiers = new ArrayList<Notifier>();
        var names = new HashSet<String>();
        for (var entry : binding.entries()) {
            var name = entry.string("name");
            var type = types.byName().get(entry.string("type"));
            if (name == null || type == null) continue;
            if (!names.add(name)) {
                binding.problems().at(entry.nodeOf("name"), entry.pathOf("name"), "duplicate notifier name '" + name + "'", "notifier names must be unique");
                continue;
            }
            var notifier = type.bind(name, entry, binding.problems(), binding::names);
            if (notifier != null) notifiers.add(notifier);
        }
        return notifiers;
    }

    @Override
    public Set<String> names(List<Notifier> notifiers) {
        return notifiers.stream().map(Notifier::name).collect(Collectors.toSet());
    }
}
