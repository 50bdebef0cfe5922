package dev.tend.config.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** A list whose items all have the same spec. Reads as a List of the item values. */
public record ListSpec(Spec item, int minItems) implements Spec {

    public static ListSpec of(Spec item) {
        return new ListSpec(item, 0);
    }

    public static ListSpec nonEmpty(Spec item) {
        return new ListSpec(item, 1);
    }

    @Override
    public Object read(Node node, String path, ReadContext context) {
        if (!(node instanceof SequenceNode sequence)) {
            context.problems().at(node, path, "expected " + expected() + ", found " + Scalars.describe(node),
                    "write a list: [a, b] or one '- item' per line");
            return null;
        }
        if (sequence.getValue().size() < minItems) {
            context.problems().at(node, path, "the list is empty", "give at least " + minItems + " item");
        }
        var values = new ArrayList<Object>();
        var items = sequence.getValue();
        for (int index = 0; index < items.size(); index++) {
            values.add(item.read(items.get(index), path + "[" + index + "]", context));
        }
        return values;
    }

    @Override
    public Map<String, Object> jsonSchema() {
        var schema = new LinkedHashMap<String, Object>();
        schema.put("type", "array");
        schema.put("items", item.jsonSchema());
        if (minItems > 0) schema.put("minItems", minItems);
        return schema;
    }

    @Override
    public String expected() {
        return "a list of " + item.expected();
    }

    /** Convenience for binders: the typed items of a list value. */
    @SuppressWarnings("unchecked")
    public static <T> List<T> items(Object value) {
        return value == null ? List.of() : (List<T>) value;
    }
}
