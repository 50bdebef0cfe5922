package dev.tend.people;

import dev.tend.config.ConfigSection;
import dev.tend.config.SectionBinding;
import dev.tend.config.SectionKey;
import dev.tend.config.TendConfig;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.ListSpec;
import dev.tend.config.spec.ObjectSpec;
import dev.tend.config.spec.StringSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code people:} who signs checklist items and manual steps, in which roles, and how they are reached. */
public final class PeopleSection implements ConfigSection<List<Person>> {
    public static final SectionKey<List<Person>> KEY = new SectionKey<>("people");
    private static final StringSpec NAME = StringSpec.matching("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}", "letters, digits, '_', '.', '-'");

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
        return Field.optional("people", ListSpec.of(ObjectSpec.of("someone on the platform team",
                Field.required("name", NAME, "the name used with --as (sign-offs, acknowledgements) and in rotations"),
                Field.required("roles", ListSpec.nonEmpty(StringSpec.any()).withoutRepeats(),
                        "roles held, e.g. [System Administrator, Database Administrator]"),
                Field.optional("email", StringSpec.matching("[^@\\s]+@[^@\\s]+", "an address such as alice@example.com"),
                        "where an email notifier writes when an escalation names this person or their rotation"),
                Field.optional("slack", StringSpec.any(), "Slack handle, e.g. @alice (mentioned in Slack messages)"),
                Field.optional("phone", StringSpec.any(), "phone number, kept for the record (the runbooks' contact table)"),
                Field.optional("pagerduty", StringSpec.any(), "PagerDuty user id, kept for the record"))),
                "the people who sign checklist items and are paged, with their roles and contacts");
    }

    @Override
    public List<Person> bind(SectionBinding binding) {
        var people = new ArrayList<Person>();
        var names = new HashSet<String>();
        for (var fields : binding.entries()) {
            if (fields.string("name") == null || !fields.has("roles")) continue;
            if (!names.add(fields.string("name"))) {
                binding.problems().at(fields.nodeOf("name"), fields.pathOf("name"), "duplicate person '" + fields.string("name") + "'", null);
                continue;
            }
            people.add(new Person(fields.string("name"), fields.<String>list("roles").stream().filter(Objects::nonNull).toList(),
                    fields.optionalString("email"), fields.optionalString("slack"), fields.optionalString("phone"), fields.optionalString("pagerduty")));
        }
        return people;
    }

    @Override
    public Set<String> names(List<Person> people) {
        return people.stream().map(Person::name).collect(Collectors.toSet());
    }
}
