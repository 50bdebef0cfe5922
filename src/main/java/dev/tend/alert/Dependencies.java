package dev.tend.alert;

import dev.tend.config.TendConfig;
import dev.tend.target.TargetsSection;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The targets' {@code dependsOn} as alerting needs it: how deep each target sits (so a round
 * evaluates dependencies first), and which failing dependency is the cause of a target's alert.
 */
final class Dependencies {
    private final Map<String, List<String>> dependsOn;

    private Dependencies(Map<String, List<String>> dependsOn) {
        this.dependsOn = dependsOn;
    }

    static Dependencies of(TendConfig config) {
        var map = new HashMap<String, List<String>>();
        TargetsSection.of(config).forEach(target -> map.put(target.name(), target.settings().dependsOn()));
        return new Dependencies(map);
    }

    /** The cause of a failing subject's alert: the nearest dependency with an open incident. */
    record Cause(String subject, long incident) {}

    /** 0 for a target that depends on nothing; one more than its deepest dependency otherwise (the config has no cycles). */
    int depth(String target) {
        return depth(target, new HashSet<>());
    }

    private int depth(String target, java.util.Set<String> seen) {
        if (!seen.add(target)) return 0;
        return dependsOn.getOrDefault(target, List.of()).stream().mapToInt(next -> depth(next, seen) + 1).max().orElse(0);
    }

    /** Whether {@code target} depends on {@code dependency}, directly or through others. */
    boolean dependsOn(String target, String dependency) {
        var queue = new ArrayDeque<>(dependsOn.getOrDefault(target, List.of()));
        var seen = new HashSet<String>();
        while (!queue.isEmpty()) {
            var next = queue.poll();
            if (next.equals(dependency)) return true;
            if (seen.add(next)) queue.addAll(dependsOn.getOrDefault(next, List.of()));
        }
        return false;
    }

    Optional<Cause> activeCause(String subject, Function<String, Optional<Long>> openIncidentOf) {
        var queue = new ArrayDeque<>(dependsOn.getOrDefault(subject, List.of()));
        var seen = new HashSet<String>();
        while (!queue.isEmpty()) {
            var next = queue.poll();
            if (!seen.add(next)) continue;
            var incident = openIncidentOf.apply(next);
            if (incident.isPresent()) return Optional.of(new Cause(next, incident.get()));
            queue.addAll(dependsOn.getOrDefault(next, List.of()));
        }
        return Optional.empty();
    }
}
