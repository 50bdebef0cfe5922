package dev.tend.alert;

import dev.tend.alert.Alert.State;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How one observation moves an alert, in the manner of Gatus: it fires after {@code fireAfter}
 * bad results in a row and resolves after {@code resolveAfter} good ones. An alert that fires
 * again while it has already fired and resolved within {@code flappingWithin} is FLAPPING: it is
 * held open without paging again, and settles (fires or resolves once more) only after a whole
 * {@code flappingWithin} without a change. Pure: no store, no clock of its own.
 */
final class AlertRules {
    private AlertRules() {}

    /** Thresholds for one alert: streaks, and how many changes within how long make it flap. */
    record Thresholds(int fireAfter, int resolveAfter, int flappingChanges, Duration flappingWithin) {}

    /** What was seen: bad or not, how bad, and the sentence that says so. */
    record Observation(boolean bad, Severity severity, String reason) {}

    enum Transition { FIRED, RESOLVED, FLAPPING, SETTLED_FIRING, SETTLED_RESOLVED }

    record Step(Alert alert, List<Transition> transitions) {}

    static Step apply(Alert current, Observation seen, Thresholds thresholds, Instant now) {
        int bad = seen.bad() ? current.badStreak() + 1 : 0;
        int good = seen.bad() ? 0 : current.goodStreak() + 1;
        var changes = new ArrayList<Instant>();
        current.changes().stream().filter(at -> at.isAfter(now.minus(thresholds.flappingWithin()))).forEach(changes::add);
        var severity = seen.bad() ? (current.state().active() || bad > 1 ? current.severity().max(seen.severity()) : seen.severity()) : current.severity();
        var reason = seen.reason();
        boolean crossesToBad = seen.bad() && bad == thresholds.fireAfter();
        boolean crossesToGood = !seen.bad() && good == thresholds.resolveAfter();
        return switch (current.state()) {
            case OK -> {
                if (!crossesToBad) yield new Step(current.with(State.OK, severity, bad, good, reason, current.since(), now, changes), List.of());
                changes.add(now);
                // Fired and resolved within the window already: this is a flap, not a new problem.
                if (changes.size() >= thresholds.flappingChanges()) {
                    yield new Step(current.with(State.FLAPPING, severity, bad, good, reason, now, now, changes), List.of(Transition.FLAPPING));
                }
                yield new Step(current.with(State.FIRING, severity, bad, good, reason, now, now, changes), List.of(Transition.FIRED));
            }
            case FIRING -> {
                if (!crossesToGood) yield new Step(current.with(State.FIRING, severity, bad, good, reason, current.since(), now, changes), List.of());
                changes.add(now);
                yield new Step(current.with(State.OK, severity, bad, good, reason, now, now, changes), List.of(Transition.RESOLVED));
            }
            case FLAPPING -> {
                if (crossesToBad || crossesToGood) changes.add(now);
                var quiet = changes.isEmpty();
                if (quiet && bad >= thresholds.fireAfter()) {
                    yield new Step(current.with(State.FIRING, severity, bad, good, reason, now, now, changes), List.of(Transition.SETTLED_FIRING));
                }
                if (quiet && good >= thresholds.resolveAfter()) {
                    yield new Step(current.with(State.OK, severity, bad, good, reason, now, now, changes), List.of(Transition.SETTLED_RESOLVED));
                }
                yield new Step(current.with(State.FLAPPING, severity, bad, good, reason, current.since(), now, changes), List.of());
            }
        };
    }
}
