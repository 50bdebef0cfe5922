package dev.tend.alert.oncall;

import dev.tend.config.ConfigSection;
import dev.tend.config.SectionBinding;
import dev.tend.config.SectionKey;
import dev.tend.config.TendConfig;
import dev.tend.config.spec.EnumSpec;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.Fields;
import dev.tend.config.spec.ListSpec;
import dev.tend.config.spec.ObjectSpec;
import dev.tend.config.spec.StringSpec;
import dev.tend.config.spec.Suggestions;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code oncall:} rotations of the people under {@code people:}, with hand-offs in a time zone and overrides. */
public final class OncallSection implements ConfigSection<List<Rotation>> {
    public static final SectionKey<List<Rotation>> KEY = new SectionKey<>("oncall");
    /** People are the runbook feature's section, known here by name. */
    private static final String PEOPLE = "people";
    private static final StringSpec NAME = StringSpec.matching("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}", "letters, digits, '_', '.', '-'");

    public static List<Rotation> of(TendConfig config) {
        return config.list(KEY);
    }

    @Override
    public SectionKey<List<Rotation>> key() {
        return KEY;
    }

    @Override
    public Field field() {
        return Field.optional("oncall", ListSpec.of(ObjectSpec.of("a rotation: people on call in turn",
                Field.required("name", NAME, "the rotation's name, used by escalations (oncall:NAME)"),
                Field.required("people", ListSpec.nonEmpty(StringSpec.any()), "names under people:, in the order of their turns"),
                Field.withDefault("shift", EnumSpec.of("daily", "weekly"), "weekly", "how long one turn lasts"),
                Field.withDefault("handoff", StringSpec.matching("([01][0-9]|2[0-3]):[0-5][0-9]", "HH:MM, e.g. 09:00"), "\"09:00\"",
                        "the local time a turn passes to the next person"),
                Field.optional("timezone", StringSpec.any(), "IANA time zone of the hand-off (default: the platform's)"),
                Field.required("start", StringSpec.any(), "the date the first person's turn starts, e.g. 2026-11-30"),
                Field.withDefault("overrides", ListSpec.of(ObjectSpec.of("someone else on call for a whole local day",
                        Field.required("date", StringSpec.any(), "the day, e.g. 2027-01-04"),
                        Field.required("person", StringSpec.any(), "who is on call that day"),
                        Field.optional("covers", StringSpec.any(), "whom they stand in for (for the record)"))), "[]",
                        "holidays and swaps: {date: 2027-01-04, person: bob, covers: alice}"))),
                "on-call rotations");
    }

    @Override
    public List<String> after() {
        return List.of(PEOPLE);
    }

    @Override
    public List<Rotation> bind(SectionBinding binding) {
        var people = binding.names(PEOPLE);
        var rotations = new ArrayList<Rotation>();
        var names = new HashSet<String>();
        for (var fields : binding.entries()) {
            if (fields.string("name") == null || fields.string("start") == null || fields.string("handoff") == null) continue;
            if (!names.add(fields.string("name"))) {
                binding.problems().at(fields.nodeOf("name"), fields.pathOf("name"), "duplicate rotation '" + fields.string("name") + "'", null);
                continue;
            }
            var rotation = bindOne(fields, people, binding);
            if (rotation != null) rotations.add(rotation);
        }
        return rotations;
    }

    private static Rotation bindOne(Fields fields, Set<String> known, SectionBinding binding) {
        var problems = binding.problems();
        List<String> people = fields.list("people");
        boolean ok = true;
        for (int index = 0; index < people.size(); index++) {
            var person = people.get(index);
            if (person != null && !known.contains(person)) {
                problems.at(fields.nodeOf("people"), fields.pathOf("people") + "[" + index + "]", "no person named '" + person + "' under people:",
                        Suggestions.didYouMean(person, known));
                ok = false;
            }
        }
        var zone = zone(fields, binding);
        var start = date(fields, fields.string("start"), "start", binding);
        var overrides = new ArrayList<Rotation.Override>();
        List<Fields> entries = fields.list("overrides");
        for (var override : entries) {
            if (override == null || override.string("date") == null || override.string("person") == null) continue;
            var date = date(override, override.string("date"), "date", binding);
            if (!known.contains(override.string("person"))) {
                problems.at(override.nodeOf("person"), override.pathOf("person"), "no person named '" + override.string("person") + "' under people:",
                        Suggestions.didYouMean(override.string("person"), known));
                ok = false;
            }
            if (date != null) overrides.add(new Rotation.Override(date, override.string("person"), override.optionalString("covers")));
        }
        if (!ok || zone == null || start == null || people.isEmpty() || people.contains(null)) return null;
        return new Rotation(fields.string("name"), List.copyOf(people), Rotation.Shift.valueOf(fields.string("shift").toUpperCase(Locale.ROOT)),
                LocalTime.parse(fields.string("handoff")), zone, start, List.copyOf(overrides));
    }

    private static ZoneId zone(Fields fields, SectionBinding binding) {
        if (!fields.has("timezone")) return binding.zone();
        try {
            return ZoneId.of(fields.string("timezone"));
        } catch (DateTimeException e) {
            binding.problems().at(fields.nodeOf("timezone"), fields.pathOf("timezone"), "unknown time zone '" + fields.string("timezone") + "'",
                    "an IANA name such as Europe/Berlin");
            return null;
        }
    }

    private static LocalDate date(Fields fields, String text, String key, SectionBinding binding) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            binding.problems().at(fields.nodeOf(key), fields.pathOf(key), "'" + text + "' is not a date", "YYYY-MM-DD, e.g. 2027-01-04");
            return null;
        }
    }

    @Override
    public Set<String> names(List<Rotation> rotations) {
        return rotations.stream().map(Rotation::name).collect(Collectors.toSet());
    }

    static Optional<Rotation> named(TendConfig config, String name) {
        return config.named(KEY, Rotation::name, name);
    }
}
