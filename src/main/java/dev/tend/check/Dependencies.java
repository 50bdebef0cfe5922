package dev.tend.check;

import dev.tend.target.Target;
import java.util.HashMap;
import java.util.List;

/** Names a failing dependency in the results of the targets that depend on it: the likely cause first. */
final class Dependencies {
    private Dependencies() {}

    static List<CheckResult> annotate(List<Target> targets, List<CheckResult> results) {
        var worst = new HashMap<String, Status>();
        results.forEach(result -> worst.merge(result.target(), result.status(), Status::worst));
        var dependsOn = new HashMap<String, List<String>>();
        targets.forEach(target -> dependsOn.put(target.name(), target.settings().dependsOn()));
        return results.stream().map(result -> {
            if (result.status() == Status.OK) return result;
            var failing = dependsOn.getOrDefault(result.target(), List.of()).stream()
                    .filter(name -> worst.getOrDefault(name, Status.OK) == Status.CRIT)
                    .toList();
            if (failing.isEmpty()) return result;
            return result.withReason(result.reason() + " (depends on " + String.join(", ", failing) + ", which is CRIT)");
        }).toList();
    }
}
