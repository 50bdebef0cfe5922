package dev.tend.alert.escalate;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who hears of an incident, and when, while nobody acknowledges it: ordered levels, each at a time
 * after the incident triggered, notifying notifiers and, by name, the person on call in a rotation
 * or named people. The whole sequence runs {@code 1 + repeat} times. A policy with a {@code when}
 * applies to the incidents it matches; the first that matches is used.
 */
public record Policy(String name, Optional<String> severity, Set<String> targets, List<Level> levels, int repeat) {

    public record Level(Duration after, List<String> notifiers, Optional<String> oncall, List<String> people) {}

    /** Between one round of the levels and the next. */
    static final Duration REPEAT_GAP = Duration.ofMinutes(30);

    boolean matches(String severityName, Set<String> subjects) {
        return severity.map(wanted -> wanted.equals(severityName)).orElse(true)
                && (targets.isEmpty() || subjects.stream().anyMatch(targets::contains));
    }

    /** The level offsets over every round: (level, when after the trigger). */
    List<Step> steps() {
        var steps = new java.util.ArrayList<Step>();
        var roundLength = levels.get(levels.size() - 1).after().plus(REPEAT_GAP);
        for (int round = 0; round <= repeat; round++) {
            for (int index = 0; index < levels.size(); index++) {
                steps.add(new Step(index, levels.get(index).after().plus(roundLength.multipliedBy(round))));
            }
        }
        return steps;
    }

    record Step(int level, Duration after) {}
}
