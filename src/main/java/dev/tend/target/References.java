package dev.tend.target;

import dev.tend.config.spec.Fields;
import dev.tend.config.spec.Problems;
import dev.tend.config.spec.Suggestions;
import dev.tend.target.TargetSpec.TargetEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Checks what only makes sense across targets: unique names, dependsOn pointing somewhere, no cycles. */
final class References {
    private References() {}

    static void check(List<TargetEntry> entries, Problems problems) {
        var byName = new LinkedHashMap<String, Fields>();
        var unreadable = new HashSet<String>();
        for (var entry : entries) {
            var fields = entry.fields();
            var name = entry.name();
            if (name == null) continue;
            if (fields == null) {
                // Its own error is reported; references to it are not wrong, but a second use of its name is.
                if (!unreadable.add(name) || byName.containsKey(name)) {
                    problems.at(entry.node(), "targets", "duplicate target name '" + name + "'",
                            "target names must be unique");
                }
                continue;
            }
            if (unreadable.contains(name)) {
                problems.at(fields.nodeOf("name"), fields.pathOf("name"), "duplicate target name '" + name + "'",
                        "an earlier target has this name too; target names must be unique");
            }
            var first = byName.putIfAbsent(name, fields);
            if (first != null) {
                int line = first.nodeOf("name").getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
                problems.at(fields.nodeOf("name"), fields.pathOf("name"), "duplicate target name '" + name + "'",
                        "the first is on line " + line + "; target names must be unique");
            }
        }
        var graph = new HashMap<String, List<String>>();
        for (var fields : byName.values()) {
            List<String> dependsOn = fields.list("dependsOn");
            var node = fields.nodeOf("dependsOn");
            for (int index = 0; index < dependsOn.size(); index++) {
                var reference = dependsOn.get(index);
                if (reference == null) continue;
                var itemNode = node instanceof SequenceNode sequence ? sequence.getValue().get(index) : node;
                var path = fields.pathOf("dependsOn") + "[" + index + "]";
                if (reference.equals(fields.string("name"))) {
                    problems.at(itemNode, path, "a target cannot depend on itself", null);
                } else if (!byName.containsKey(reference) && !unreadable.contains(reference)) {
                    problems.at(itemNode, path, "no target named '" + reference + "'",
                            Suggestions.didYouMean(reference, byName.keySet()));
                } else if (byName.containsKey(reference)) {
                    graph.computeIfAbsent(fields.string("name"), key -> new ArrayList<>()).add(reference);
                }
            }
        }
        reportCycle(graph, byName, problems);
    }

    private static void reportCycle(Map<String, List<String>> graph, Map<String, Fields> byName, Problems problems) {
        var done = new HashSet<String>();
        for (var start : graph.keySet()) {
            var cycle = findCycle(start, graph, new ArrayList<>(), new HashSet<>(), done);
            if (cycle != null) {
                var fields = byName.get(cycle.get(0));
                problems.at(fields.nodeOf("dependsOn"), fields.pathOf("dependsOn"),
                        "dependsOn forms a cycle: " + String.join(" → ", cycle), "remove one of these dependencies");
                return;
            }
        }
    }

    private static List<String> findCycle(String name, Map<String, List<String>> graph, List<String> path,
            Set<String> onPath, Set<String> done) {
        if (onPath.contains(name)) {
            var cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
            cycle.add(name);
            return cycle;
        }
        if (!done.add(name)) return null;
        path.add(name);
        onPath.add(name);
        for (var next : graph.getOrDefault(name, List.of())) {
            var cycle = findCycle(next, graph, path, onPath, done);
            if (cycle != null) return cycle;
        }
        path.remove(path.size() - 1);
        onPath.remove(name);
        return null;
    }
}
