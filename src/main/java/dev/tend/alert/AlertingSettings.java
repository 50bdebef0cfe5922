package dev.tend.alert;

import dev.tend.alert.AlertRules.Thresholds;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When alerts fire and resolve: streak lengths for all checks, flap detection, and rules that
 * change the streaks for one target or one of its checks (the more specific rule wins).
 */
public record AlertingSettings(int fireAfter, int resolveAfter, int flappingChanges, Duration flappingWithin, List<Rule> rules) {

    public static final AlertingSettings DEFAULTS = new AlertingSettings(3, 2, 3, Duration.ofMinutes(30), List.of());

    /** A rule for one target, or one check of it. */
    public record Rule(String target, Optional<String> check, Optional<Integer> fireAfter, Optional<Integer> resolveAfter) {}

    Thresholds thresholds(String target, String check) {
        var forTarget = rules.stream().filter(rule -> rule.target().equals(target) && rule.check().isEmpty()).findFirst();
        var forCheck = rules.stream().filter(rule -> rule.target().equals(target) && rule.check().equals(Optional.of(check))).findFirst();
        int fire = forCheck.flatMap(Rule::fireAfter).or(() -> forTarget.flatMap(Rule::fireAfter)).orElse(fireAfter);
        int resolve = forCheck.flatMap(Rule::resolveAfter).or(() -> forTarget.flatMap(Rule::resolveAfter)).orElse(resolveAfter);
        return new Thresholds(fire, resolve, flappingChanges, flappingWithin);
    }
}
