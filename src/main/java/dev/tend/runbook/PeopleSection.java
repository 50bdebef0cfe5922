package dev.tend.runbook;

import dev.tend.config.ConfigSection;
import dev.tend.config.SectionBinding;
import dev.tend.config.SectionKey;
import dev.tend.config.TendConfig;
import dev.tend.config.spec.Field;
import java.util.List;
import java.util.Optional;

/** {@code people:} who signs checklist items and manual steps, and in which roles. */
public final class PeopleSection implements ConfigSection<List<Person>> {
    public static final SectionKey<List<Person>> KEY = new SectionKey<>("people");

    public static List<Person> of(TendConfig config) {
        return config.list(KEY);
    }

    public static Optional<Person> named(TendConfig config, String name) {
        return config.named(KEY, Person::name, name);
    }

    @Override
    public SectionKey<List<Person>> key() {
        return KEY;
    }

    @Override
    public Field field() {
        return ChecklistSpec.people();
    }

    @Override
    public List<Person> bind(SectionBinding binding) {
        return ChecklistSpec.bindPeople(binding.entries(), binding.problems());
    }

    @Override
    public java.util.Set<String> names(List<Person> people) {
        return people.stream().map(Person::name).collect(java.util.stream.Collectors.toSet());
    }
}
