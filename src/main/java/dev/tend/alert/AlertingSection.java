package dev.tend.alert;

import dev.tend.config.ConfigSection;
import dev.tend.config.SectionBinding;
import dev.tend.config.SectionKey;
import dev.tend.config.TendConfig;
import dev.tend.config.spec.DurationSpec;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.ListSpec;
import dev.tend.config.spec.NumberSpec;
import dev.tend.config.spec.ObjectSpec;
import dev.tend.config.spec.StringSpec;
import dev.tend.config.spec.Suggestions;
import dev.tend.target.TargetsSection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code alerting:} when a check's alert fires and resolves, and what counts as flapping. */
public final class AlertingSection implements ConfigSection<AlertingSettings> {
    public static final SectionKey<AlertingSettings> KEY = new SectionKey<>("alerting");

    public static AlertingSettings of(TendConfig config) {
        var settings = config.section(KEY);
        return settings == null ? AlertingSettings.DEFAULTS : settings;
    }

    @Override
    public SectionKey<AlertingSettings> key() {
        return KEY;
    }

    @Override
    public Field field() {
        var streak = NumberSpec.whole(1, 1000);
        return Field.withDefault("alerting", ObjectSpec.of("when alerts fire and resolve",
                Field.withDefault("fireAfter", streak, "3", "bad results in a row before a check's alert fires"),
                Field.withDefault("resolveAfter", streak, "2", "good results in a row before it resolves"),
                Field.withDefault("flapping", ObjectSpec.of("an alert that fires, resolves and fires again this often is held open instead of paging again",
                        Field.withDefault("changes", NumberSpec.whole(2, 100), "3", "fires and resolves that count as flapping"),
                        Field.withDefault("within", DurationSpec.between(Duration.ofMinutes(1), Duration.ofDays(1)), "30m",
                                "how close together; a flapping alert settles after this long without a change")),
                        "{}", "flapping: {changes: 3, within: 30m}"),
                Field.withDefault("rules", ListSpec.of(ObjectSpec.of("other streaks for one target or one of its checks",
                        Field.required("target", StringSpec.any(), "the target"),
                        Field.optional("check", StringSpec.any(), "one of its checks (default: all of them)"),
                        Field.optional("fireAfter", streak, "bad results in a row before it fires"),
                        Field.optional("resolveAfter", streak, "good results in a row before it resolves"))), "[]",
                        "e.g. {target: db, check: ping, fireAfter: 1}")),
                "{}", "alerting: {fireAfter: 3, resolveAfter: 2}");
    }

    @Override
    public List<String> after() {
        return List.of(TargetsSection.KEY.name());
    }

    @Override
    public AlertingSettings bind(SectionBinding binding) {
        var fields = binding.fields();
        if (fields == null) return AlertingSettings.DEFAULTS;
        var flapping = fields.object("flapping");
        var targets = binding.names(TargetsSection.KEY.name());
        var rules = new ArrayList<AlertingSettings.Rule>();
        List<dev.tend.config.spec.Fields> entries = fields.list("rules");
        for (var rule : entries) {
            if (rule == null || rule.string("target") == null) continue;
            if (!targets.contains(rule.string("target"))) {
                binding.problems().at(rule.nodeOf("target"), rule.pathOf("target"), "no target named '" + rule.string("target") + "'",
                        Suggestions.didYouMean(rule.string("target"), targets));
                continue;
            }
            rules.add(new AlertingSettings.Rule(rule.string("target"), rule.optionalString("check"), whole(rule, "fireAfter"), whole(rule, "resolveAfter")));
        }
        return new AlertingSettings((int) fields.whole("fireAfter"), (int) fields.whole("resolveAfter"),
                flapping == null ? AlertingSettings.DEFAULTS.flappingChanges() : (int) flapping.whole("changes"),
                flapping == null ? AlertingSettings.DEFAULTS.flappingWithin() : flapping.duration("within"), List.copyOf(rules));
    }

    private static Optional<Integer> whole(dev.tend.config.spec.Fields fields, String key) {
        return fields.has(key) ? Optional.of((int) fields.whole(key)) : Optional.empty();
    }
}
