package dev.tend.logs.mine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Grouping accuracy as the log-parsing benchmarks define it (Zhu et al., ICSE-SEIP 2019): a line
 * counts as right when the group it was put in holds exactly the lines of its true template.
 */
final class GroupingAccuracy {
    private GroupingAccuracy() {}

    static double of(List<Integer> truth, List<Integer> predicted) {
        Map<Integer, Set<Integer>> byTruth = new HashMap<>();
        Map<Integer, Set<Integer>> byPrediction = new HashMap<>();
        for (int line = 0; line < truth.size(); line++) {
            byTruth.computeIfAbsent(truth.get(line), label -> new HashSet<>()).add(line);
            byPrediction.computeIfAbsent(predicted.get(line), label -> new HashSet<>()).add(line);
        }
        long right = 0;
        for (var group : byPrediction.values()) {
            var first = truth.get(group.iterator().next());
            if (byTruth.get(first).equals(group)) right += group.size();
        }
        return (double) right / truth.size();
    }
}
