package dev.tend.config;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Makes config files a user (or a broken tool) might hand Tend: valid ones with one key of the
 * wrong type, byte-level damage, and hostile shapes (deep nesting, huge scalars, binary, alias
 * bombs and self-referencing aliases). Every choice comes from the given Random, so a seed
 * reproduces a failing file exactly.
 */
final class ConfigMutations {
    /** Values of every YAML type, each wrong for most keys. */
    static final List<Object> WRONG_VALUES = List.of("text", -1, 0, 3.5e300, true, List.of(), List.of("a", 1), Map.of(),
            Map.of("unexpected", "key"), "999999999999999999999999", "-5s", "${env:NOT_SET}", "");

    private final List<byte[]> corpus;
    private final List<Object> trees;

    ConfigMutations(List<String> validConfigs) {
        corpus = validConfigs.stream().map(text -> text.getBytes(StandardCharsets.UTF_8)).toList();
        var load = new Load(LoadSettings.builder().build());
        trees = validConfigs.stream().map(load::loadFromString).toList();
    }

    /** Every (key path, wrong value or removal) pair of every corpus file: the systematic part of a run. */
    List<Supplier<byte[]>> everyKeyWithEveryWrongType() {
        var cases = new ArrayList<Supplier<byte[]>>();
        for (var tree : trees) {
            for (var path : paths(tree, new ArrayList<>(), new ArrayList<>())) {
                // Dumped when run, not here: a run takes a share of the pairs, and dumping them all costs seconds.
                for (var wrong : WRONG_VALUES) cases.add(() -> dump(replaced(tree, path, 0, wrong)));
                cases.add(() -> dump(removed(tree, path, 0)));
            }
        }
        return cases;
    }

    /** One random case. */
    byte[] next(Random random) {
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> damaged(random);
            case 4 -> deeplyNested(random);
            case 5 -> hugeScalar(random);
            case 6 -> binary(random);
            case 7 -> aliases(random);
            default -> dump(replaced(pick(trees, random), randomPath(random), 0, randomValue(random, 3)));
        };
    }

    private byte[] damaged(Random random) {
        var bytes = new ArrayList<Byte>();
        for (byte b : pick(corpus, random)) bytes.add(b);
        int edits = 1 + random.nextInt(8);
        for (int edit = 0; edit < edits && !bytes.isEmpty(); edit++) {
            int at = random.nextInt(bytes.size());
            switch (random.nextInt(6)) {
                case 0 -> bytes.set(at, (byte) random.nextInt(256));
                case 1 -> bytes.remove(at);
                case 2 -> {
                    var token = pick(List.of("[", "{", "]", "}", ": ", "- ", "&a ", "*a", "\t", "\"", "'", "#", "---\n", "!!binary ", "\u0000", "? ",
                            "|\n", ">-\n", "%YAML 1.1\n", "\uFEFF", "\r"), random);
                    var inserted = token.getBytes(StandardCharsets.UTF_8);
                    for (int index = inserted.length - 1; index >= 0; index--) bytes.add(at, inserted[index]);
                }
                case 3 -> bytes.subList(at, Math.min(bytes.size(), at + random.nextInt(200))).clear();
                case 4 -> {
                    var copy = new ArrayList<>(bytes.subList(at, Math.min(bytes.size(), at + random.nextInt(400))));
                    bytes.addAll(random.nextInt(bytes.size()), copy);
                }
                default -> bytes.subList(at, bytes.size()).clear();
            }
        }
        var result = new byte[bytes.size()];
        for (int index = 0; index < result.length; index++) result[index] = bytes.get(index);
        return result;
    }

    private static byte[] deeplyNested(Random random) {
        int depth = 1 + random.nextInt(random.nextBoolean() ? 100 : 5000);
        var text = new StringBuilder("platform: { name: Lab }\ntargets:\n  - name: deep\n    type: tcp\n    address: \"127.0.0.1:1\"\n    description: ");
        switch (random.nextInt(3)) {
            case 0 -> text.append("[".repeat(depth)).append("]".repeat(depth));
            case 1 -> text.append("{a: ".repeat(depth)).append("1").append("}".repeat(depth));
            default -> {
                text.append("\n");
                for (int level = 0; level < Math.min(depth, 1500); level++) text.append(" ".repeat(level + 6)).append("- \n");
            }
        }
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hugeScalar(Random random) {
        int length = random.nextInt(50) == 0 ? 900_000 + random.nextInt(400_000) : random.nextInt(20_000);
        var value = String.valueOf((char) ('a' + random.nextInt(26))).repeat(length);
        var key = pick(List.of("name", "address", "url", "description", "timeout", "password"), random);
        return ("platform: { name: Lab }\ntargets:\n  - name: t\n    type: tcp\n    address: \"127.0.0.1:1\"\n    " + key + ": \"" + value + "\"\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] binary(Random random) {
        var bytes = new byte[random.nextInt(4096)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Anchors and aliases: chains that multiply (billion laughs), aliases inside their own anchor, aliases as keys. */
    private static byte[] aliases(Random random) {
        var text = new StringBuilder("platform: { name: Lab }\n");
        int levels = 1 + random.nextInt(10);
        int width = 1 + random.nextInt(12);
        text.append("a0: &a0 [x, {k: v}]\n");
        for (int level = 1; level < levels; level++) {
            text.append("a").append(level).append(": &a").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(width, "*a" + (level - 1)))).append("]\n");
        }
        switch (random.nextInt(4)) {
            case 0 -> text.append("targets: &self [ { name: t, type: tcp, address: \"127.0.0.1:1\", dependsOn: *self } ]\n");
            case 1 -> text.append("targets: *a").append(levels - 1).append("\n");
            case 2 -> text.append("targets:\n  - &t { name: t, type: tcp, address: \"127.0.0.1:1\" }\n  - *t\n  - { *t : x }\n");
            default -> text.append("targets: [ { name: t, type: tcp, address: *a0, description: *a").append(levels - 1).append(" } ]\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Object randomValue(Random random, int depth) {
        if (depth == 0 || random.nextInt(3) > 0) return pick(WRONG_VALUES, random);
        return random.nextBoolean() ? List.of(randomValue(random, depth - 1), randomValue(random, depth - 1))
                : Map.of("k" + random.nextInt(3), randomValue(random, depth - 1));
    }

    private List<Object> randomPath(Random random) {
        var tree = pick(trees, random);
        var all = paths(tree, new ArrayList<>(), new ArrayList<>());
        return all.isEmpty() ? List.of() : pick(all, random);
    }

    /** Paths to every value: map keys and list indexes. */
    private static List<List<Object>> paths(Object node, List<Object> prefix, List<List<Object>> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                prefix.add(key);
                into.add(List.copyOf(prefix));
                paths(value, prefix, into);
                prefix.remove(prefix.size() - 1);
            });
        } else if (node instanceof List<?> list) {
            for (int index = 0; index < list.size(); index++) {
                prefix.add(index);
                into.add(List.copyOf(prefix));
                paths(list.get(index), prefix, into);
                prefix.remove(prefix.size() - 1);
            }
        }
        return into;
    }

    /** A copy of the tree with the value at the path replaced (or, past the tree, the tree itself). */
    private static Object replaced(Object node, List<Object> path, int depth, Object value) {
        if (depth == path.size()) return value;
        var step = path.get(depth);
        if (node instanceof Map<?, ?> map && map.containsKey(step)) {
            var copy = new LinkedHashMap<Object, Object>(map);
            copy.put(step, replaced(map.get(step), path, depth + 1, value));
            return copy;
        }
        if (node instanceof List<?> list && step instanceof Integer index && index < list.size()) {
            var copy = new ArrayList<Object>(list);
            copy.set(index, replaced(list.get(index), path, depth + 1, value));
            return copy;
        }
        return node;
    }

    private static Object removed(Object node, List<Object> path, int depth) {
        var step = path.get(depth);
        boolean last = depth == path.size() - 1;
        if (node instanceof Map<?, ?> map && map.containsKey(step)) {
            var copy = new LinkedHashMap<Object, Object>(map);
            if (last) copy.remove(step); else copy.put(step, removed(map.get(step), path, depth + 1));
            return copy;
        }
        if (node instanceof List<?> list && step instanceof Integer index && index < list.size()) {
            var copy = new ArrayList<Object>(list);
            if (last) copy.remove((int) index); else copy.set(index, removed(list.get(index), path, depth + 1));
            return copy;
        }
        return node;
    }

    private static byte[] dump(Object tree) {
        return new Dump(DumpSettings.builder().build()).dumpToString(tree).getBytes(StandardCharsets.UTF_8);
    }

    private static <T> T pick(List<T> items, Random random) {
        return items.get(random.nextInt(items.size()));
    }
}
