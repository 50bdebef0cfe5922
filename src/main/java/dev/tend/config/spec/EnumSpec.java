package dev.tend.config.spec;

import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/** One word out of a fixed list. */
public record EnumSpec(List<String> values) implements Spec {

    public static EnumSpec of(String... values) {
        return new EnumSpec(List.of(values));
    }

    @Override
    public Object read(Node node, String path, ReadContext context) {
        var scalar = Scalars.scalar(node, path, context, expected()).orElse(null);
        if (scalar == null) return null;
        if (!values.contains(scalar.getValue())) {
            context.problems().at(node, path, "\"" + scalar.getValue() + "\" is not one of " + values,
                    Suggestions.didYouMean(scalar.getValue(), values));
            return null;
        }
        return scalar.getValue();
    }

    @Override
    public Map<String, Object> jsonSchema() {
        return Map.of("enum", values);
    }

    @Override
    public String expected() {
        return "one of " + values;
    }
}
