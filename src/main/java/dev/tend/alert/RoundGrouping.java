package dev.tend.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One check round's page for a failing dependency waits for the round's end, so that the targets
 * depending on it, evaluated after it in the same round, are in the page rather than only in the
 * incident: an alert storm pages once and lists every affected target. Only a dependency with a
 * failing dependent in the round waits; any other incident pages as it opens.
 *
 * <p>The wait is an ordinary hold on the incident that ends at the round's end, or, if the process
 * dies first, at {@link #FALLBACK} later, when any instance's tick pages it: the page is never lost.
 */
final class RoundGrouping {
    static final Duration FALLBACK = Duration.ofMinutes(1);
    static final String HOLD = "the check round's grouping";
    static final RoundGrouping NONE = new RoundGrouping(Set.of(), null, Instant.EPOCH);

    private final Set<String> failing;
    private final Dependencies dependencies;
    private final Suppression hold;
    private final List<Long> waiting = new ArrayList<>();

    /** @param failing the targets with a result that is not OK in this round */
    RoundGrouping(Set<String> failing, Dependencies dependencies, Instant now) {
        this.failing = failing;
        this.dependencies = dependencies;
        this.hold = new Suppression(HOLD, now.plus(FALLBACK));
    }

    /** The hold for a new incident of {@code subject}, if a target depending on it failed in this round too. */
    Optional<Suppression> holdFor(String subject) {
        if (dependencies == null || failing.stream().noneMatch(target -> dependencies.dependsOn(target, subject))) return Optional.empty();
        return Optional.of(hold);
    }

    void waiting(long incident) {
        waiting.add(incident);
    }

    List<Long> waiting() {
        return List.copyOf(waiting);
    }
}
