package dev.tend.logs.analyze;

import dev.tend.logs.mine.TemplateMiner;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A section's lines grouped by template: mined as they come, reported by count. */
final class Patterns {
    private final TemplateMiner miner = new TemplateMiner();
    private final Map<Integer, PatternGroup> groups = new LinkedHashMap<>();

    void add(String message, Instant at, String severity, String example) {
        var template = miner.add(message);
        groups.computeIfAbsent(template.id(), id -> new PatternGroup(template)).add(at, severity, example);
    }

    /** Largest first (templates the miner merged counted as one); {@code isNew} says which no earlier analysis saw. */
    List<LogReport.Pattern> results(Predicate<String> isNew) {
        var combined = new LinkedHashMap<Integer, PatternGroup>();
        for (var group : groups.values()) {
            int into = miner.resolve(group.template.id());
            var existing = combined.get(into);
            if (existing == null) combined.put(into, into == group.template.id() ? group : groups.get(into).absorb(group));
            else existing.absorb(group);
        }
        return combined.values().stream().sorted(Comparator.comparingLong((PatternGroup group) -> group.count).reversed())
                .map(group -> group.result(isNew.test(group.template.text()))).toList();
    }

    boolean isEmpty() {
        return groups.isEmpty();
    }
}
