package dev.tend.alert;

import dev.tend.alert.notify.Notifier;
import dev.tend.alert.notify.NotifiersSection;
import dev.tend.config.ConfigSection;
import dev.tend.config.SectionBinding;
import dev.tend.config.SectionKey;
import dev.tend.config.TendConfig;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.ListSpec;
import dev.tend.config.spec.ObjectSpec;
import dev.tend.config.spec.StringSpec;
import dev.tend.config.spec.Suggestions;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code announcements: {notify: [users]}}: the notifiers that tell the platform's users of
 * maintenance (it started, a runbook's notify steps, the completion notice). They are the users'
 * channels, not on-call's: an incident never goes to them unless an escalation level names them.
 */
public final class AnnouncementsSection implements ConfigSection<List<String>> {
    public static final SectionKey<List<String>> KEY = new SectionKey<>("announcements");

    /** The announcement notifiers' names; none when the section is absent. */
    public static List<String> of(TendConfig config) {
        List<String> names = config.section(KEY);
        return names == null ? List.of() : names;
    }

    @Override
    public SectionKey<List<String>> key() {
        return KEY;
    }

    @Override
    public Field field() {
        return Field.optional("announcements", ObjectSpec.of("who hears of maintenance",
                Field.withDefault("notify", ListSpec.of(StringSpec.any()).withoutRepeats(), "[]",
                        "notifiers (email, slack, webhook, command) that tell users of maintenance; incidents do not go to them")),
                "announcements: {notify: [users]}");
    }

    @Override
    public List<String> after() {
        return List.of(NotifiersSection.KEY.name());
    }

    @Override
    public List<String> bind(SectionBinding binding) {
        var fields = binding.fields();
        if (fields == null) return List.of();
        List<String> names = fields.list("notify");
        List<Notifier> notifiers = binding.get(NotifiersSection.KEY) == null ? List.of() : binding.get(NotifiersSection.KEY);
        var known = notifiers.stream().map(Notifier::name).toList();
        var bound = new ArrayList<String>();
        for (int index = 0; index < names.size(); index++) {
            var name = names.get(index);
            if (name == null) continue;
            var notifier = notifiers.stream().filter(candidate -> candidate.name().equals(name)).findFirst();
            var path = fields.pathOf("notify") + "[" + index + "]";
            if (notifier.isEmpty()) {
                binding.problems().at(fields.nodeOf("notify"), path, "no notifier named '" + name + "'",
                        Suggestions.didYouMean(name, known));
            } else if (!notifier.get().announces()) {
                binding.problems().at(fields.nodeOf("notify"), path, "notifier '" + name + "' (" + notifier.get().describe()
                        + ") pages on-call; it cannot tell users of maintenance", "use an email, slack, webhook or command notifier");
            } else {
                bound.add(name);
            }
        }
        return List.copyOf(bound);
    }
}
