package dev.tend.config.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** A mapping whose discriminator key (e.g. {@code type}) chooses which object spec applies. */
public record UnionSpec(String discriminator, Map<String, ObjectSpec> variants) implements Spec {

    @Override
    public Object read(Node node, String path, ReadContext context) {
        if (!(node instanceof MappingNode mapping)) {
            context.problems().at(node, path, "expected a mapping, found " + Scalars.describe(node), null);
            return null;
        }
        var discriminatorNode = mapping.getValue().stream()
                .filter(tuple -> tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(discriminator))
                .map(tuple -> tuple.getValueNode())
                .findFirst();
        if (discriminatorNode.isEmpty()) {
            context.problems().at(node, path, "missing required key '" + discriminator + "'",
                    "one of: " + String.join(", ", variants.keySet()));
            return null;
        }
        var chosen = discriminatorNode.get() instanceof ScalarNode scalar ? scalar.getValue() : null;
        var variant = chosen == null ? null : variants.get(chosen);
        if (variant == null) {
            var shown = chosen == null ? Scalars.describe(discriminatorNode.get()) : "'" + chosen + "'";
            context.problems().at(discriminatorNode.get(), path + "." + discriminator, "unknown " + discriminator + " " + shown,
                    Suggestions.didYouMean(chosen == null ? "" : chosen, variants.keySet()));
            return null;
        }
        return variant.read(node, path, context);
    }

    @Override
    public Map<String, Object> jsonSchema() {
        var branches = new ArrayList<Map<String, Object>>();
        variants.forEach((name, spec) -> branches.add(Map.of(
                "if", Map.of("properties", Map.of(discriminator, Map.of("const", name))),
                "then", spec.jsonSchema())));
        var schema = new LinkedHashMap<String, Object>();
        schema.put("type", "object");
        schema.put("required", List.of(discriminator));
        schema.put("properties", Map.of(discriminator, Map.of("enum", List.copyOf(variants.keySet()))));
        schema.put("allOf", branches);
        return schema;
    }

    @Override
    public String expected() {
        return "a mapping with '" + discriminator + "'";
    }
}
