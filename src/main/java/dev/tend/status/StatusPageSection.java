package dev.tend.status;

import dev.tend.config.ConfigSection;
import dev.tend.config.SectionBinding;
import dev.tend.config.SectionKey;
import dev.tend.config.TendConfig;
import dev.tend.config.spec.DurationSpec;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.Fields;
import dev.tend.config.spec.ListSpec;
import dev.tend.config.spec.ObjectSpec;
import dev.tend.config.spec.StringSpec;
import dev.tend.config.spec.Suggestions;
import dev.tend.target.TargetsSection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * {@code statusPage: {title, components: [{name, targets}], announceAhead}}. Without it every
 * target is a component under its own name and the page is titled after the platform.
 */
public final class StatusPageSection implements ConfigSection<StatusPageSettings> {
    public static final SectionKey<StatusPageSettings> KEY = new SectionKey<>("statusPage");
    static final Duration DEFAULT_AHEAD = Duration.ofHours(24);

    public static StatusPageSettings of(TendConfig config) {
        StatusPageSettings settings = config.section(KEY);
        if (settings != null) {
            return settings.title() != null ? settings
                    : new StatusPageSettings(config.platform().name() + " status", settings.components(), settings.announceAhead(), true);
        }
        var components = TargetsSection.of(config).stream()
                .map(target -> new StatusPageSettings.Component(target.name(), target.settings().description(), List.of(target.name()))).toList();
        return new StatusPageSettings(config.platform().name() + " status", components, DEFAULT_AHEAD, false);
    }

    @Override
    public SectionKey<StatusPageSettings> key() {
        return KEY;
    }

    @Override
    public Field field() {
        return Field.optional("statusPage", ObjectSpec.of("the public status page at /status",
                Field.optional("title", StringSpec.any(), "the page's title (default: the platform's name and \"status\")"),
                Field.required("components", ListSpec.nonEmpty(ObjectSpec.of("a component as the public sees it",
                        Field.required("name", StringSpec.matching("[^\\n]{1,80}", "a name of up to 80 characters on one line"), "its public name"),
                        Field.optional("description", StringSpec.any(), "a line under its name"),
                        Field.required("targets", ListSpec.nonEmpty(StringSpec.any()).withoutRepeats(), "the targets behind it"))),
                        "components in the order shown; targets in none are internal and hidden"),
                Field.withDefault("announceAhead", DurationSpec.between(Duration.ZERO, Duration.ofDays(60)), "24h",
                        "how long before a window opens its maintenance is announced (the runbooks' T-24h)")),
                "statusPage: {title: Lab status, components: [{name: Database, targets: [db]}]}");
    }

    @Override
    public List<String> after() {
        return List.of(TargetsSection.KEY.name());
    }

    @Override
    public StatusPageSettings bind(SectionBinding binding) {
        var fields = binding.fields();
        if (fields == null || !fields.has("components")) return null;
        var known = binding.names(TargetsSection.KEY.name());
        var components = new ArrayList<StatusPageSettings.Component>();
        var names = new HashSet<String>();
        for (Fields component : fields.<Fields>list("components")) {
            if (component == null || component.string("name") == null || !component.has("targets")) continue;
            var name = component.string("name");
            if (!names.add(name)) {
                binding.problems().at(component.nodeOf("name"), component.pathOf("name"), "duplicate component '" + name + "'", null);
            }
            List<String> targets = component.list("targets");
            for (int index = 0; index < targets.size(); index++) {
                var target = targets.get(index);
                if (target != null && !known.contains(target)) {
                    binding.problems().at(component.nodeOf("targets"), component.pathOf("targets") + "[" + index + "]",
                            "no target named '" + target + "'", Suggestions.didYouMean(target, known));
                }
            }
            components.add(new StatusPageSettings.Component(name, component.optionalString("description").orElse(null),
                    targets.stream().filter(java.util.Objects::nonNull).toList()));
        }
        return new StatusPageSettings(fields.optionalString("title").orElse(null), List.copyOf(components), fields.duration("announceAhead"), true);
    }
}
