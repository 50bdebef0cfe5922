package dev.tend.alert.escalate;

import dev.tend.alert.notify.NotifiersSection;
import dev.tend.alert.oncall.OncallSection;
import dev.tend.config.ConfigSection;
import dev.tend.config.SectionBinding;
import dev.tend.config.SectionKey;
import dev.tend.config.TendConfig;
import dev.tend.config.spec.DurationSpec;
import dev.tend.config.spec.EnumSpec;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.Fields;
import dev.tend.config.spec.ListSpec;
import dev.tend.config.spec.NumberSpec;
import dev.tend.config.spec.ObjectSpec;
import dev.tend.config.spec.StringSpec;
import dev.tend.config.spec.Suggestions;
import dev.tend.people.PeopleSection;
import dev.tend.target.TargetsSection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** {@code escalations:} policies of levels, routed to incidents by severity and target. */
public final class EscalationsSection implements ConfigSection<List<Policy>> {
    public static final SectionKey<List<Policy>> KEY = new SectionKey<>("escalations");

    public static List<Policy> of(TendConfig config) {
        return config.list(KEY);
    }

    @Override
    public SectionKey<List<Policy>> key() {
        return KEY;
    }

    @Override
    public Field field() {
        var names = ListSpec.of(StringSpec.any()).withoutRepeats();
        return Field.optional("escalations", ListSpec.of(ObjectSpec.of("an escalation policy",
                Field.required("name", StringSpec.matching("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}", "letters, digits, '_', '.', '-'"), "the policy's name"),
                Field.optional("when", ObjectSpec.of("the incidents it applies to (default: all)",
                        Field.optional("severity", EnumSpec.of("WARNING", "CRITICAL"), "only incidents of this severity"),
                        Field.withDefault("targets", names, "[]", "only incidents about one of these targets")), "e.g. {severity: CRITICAL}"),
                Field.required("levels", ListSpec.nonEmpty(ObjectSpec.of("who is told, and when",
                        Field.withDefault("after", DurationSpec.between(Duration.ZERO, Duration.ofDays(7)), "0m",
                                "how long after the incident triggered, if still unacknowledged (the runbooks escalate after 30m)"),
                        Field.withDefault("notify", names, "[]", "notifiers"),
                        Field.optional("oncall", StringSpec.any(), "a rotation: whoever is on call then is named and, with an email, written to"),
                        Field.withDefault("people", names, "[]", "people named and, with an email, written to"))),
                        "in order of after"),
                Field.withDefault("repeat", NumberSpec.whole(0, 10), "0", "how many more times the levels run, 30m after the last"))),
                "escalation policies: the first whose when matches an incident is used; with none, every notifier is told at once");
    }

    @Override
    public List<String> after() {
        return List.of(TargetsSection.KEY.name(), PeopleSection.KEY.name(), NotifiersSection.KEY.name(), OncallSection.KEY.name());
    }

    @Override
    public List<Policy> bind(SectionBinding binding) {
        var policies = new ArrayList<Policy>();
        var seen = new HashSet<String>();
        for (var fields : binding.entries()) {
            if (fields.string("name") == null) continue;
            if (!seen.add(fields.string("name"))) {
                binding.problems().at(fields.nodeOf("name"), fields.pathOf("name"), "duplicate policy '" + fields.string("name") + "'", null);
                continue;
            }
            var policy = bindOne(fields, binding);
            if (policy != null) policies.add(policy);
        }
        return policies;
    }

    private static Policy bindOne(Fields fields, SectionBinding binding) {
        var when = fields.object("when");
        Set<String> targets = when == null ? Set.of() : Set.copyOf(names(when, "targets", binding.names(TargetsSection.KEY.name()), "target", binding));
        var levels = new ArrayList<Policy.Level>();
        Duration previous = Duration.ZERO;
        List<Fields> entries = fields.list("levels");
        for (var level : entries) {
            if (level == null || !level.has("after")) return null;
            if (level.duration("after").compareTo(previous) < 0) {
                binding.problems().at(level.nodeOf("after"), level.pathOf("after"), "levels must be in order of after", "this one comes before the one above it");
                return null;
            }
            previous = level.duration("after");
            var notifiers = names(level, "notify", binding.names(NotifiersSection.KEY.name()), "notifier", binding);
            var people = names(level, "people", binding.names(PeopleSection.KEY.name()), "person", binding);
            var oncall = level.optionalString("oncall");
            if (oncall.isPresent() && !binding.names(OncallSection.KEY.name()).contains(oncall.get())) {
                binding.problems().at(level.nodeOf("oncall"), level.pathOf("oncall"), "no rotation named '" + oncall.get() + "' under oncall:",
                        Suggestions.didYouMean(oncall.get(), binding.names(OncallSection.KEY.name())));
            }
            if (notifiers.isEmpty() && oncall.isEmpty() && people.isEmpty()) {
                binding.problems().at(level.node(), level.path(), "a level tells nobody", "give notify:, oncall: or people:");
            }
            levels.add(new Policy.Level(level.duration("after"), notifiers, oncall, people));
        }
        return new Policy(fields.string("name"), when == null ? Optional.empty() : when.optionalString("severity"), targets, List.copyOf(levels),
                (int) fields.whole("repeat"));
    }

    private static List<String> names(Fields fields, String key, Set<String> known, String what, SectionBinding binding) {
        List<String> names = fields.list(key);
        for (int index = 0; index < names.size(); index++) {
            var name = names.get(index);
            if (name != null && !known.contains(name)) {
                binding.problems().at(fields.nodeOf(key), fields.pathOf(key) + "[" + index + "]", "no " + what + " named '" + name + "'",
                        Suggestions.didYouMean(name, known));
            }
        }
        return names.stream().filter(Objects::nonNull).toList();
    }
}
