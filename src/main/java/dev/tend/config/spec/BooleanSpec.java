package dev.tend.config.spec;

import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.Tag;

/** true or false, nothing looser ("yes" is text in YAML 1.2 and rejected here). */
public record BooleanSpec() implements Spec {

    @Override
    public Object read(Node node, String path, ReadContext context) {
        var scalar = Scalars.scalar(node, path, context, expected()).orElse(null);
        if (scalar == null) return null;
        if (!scalar.getTag().equals(Tag.BOOL)) {
            context.problems().at(node, path, "expected " + expected() + ", found " + Scalars.describe(scalar),
                    "write true or false");
            return null;
        }
        return Boolean.parseBoolean(scalar.getValue().toLowerCase());
    }

    @Override
    public Map<String, Object> jsonSchema() {
        return Map.of("type", "boolean");
    }

    @Override
    public String expected() {
        return "true or false";
    }
}
