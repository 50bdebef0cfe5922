package dev.tend.config.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** A list whose items all have the same spec. Reads as a List of the item values. */
public record ListSpec(Spec item, int minItems, boolean unique) implements Spec {

    public static ListSpec of(Spec item) {
        return new ListSpec(item, 0, false);
    }

    public static ListSpec nonEmpty(Spec item) {
        return new ListSpec(item, 1, false);
    }

    /** The same list, refusing an item given twice (each item names one check, say). */
    public ListSpec withoutRepeats() {
        return new ListSpec(item, minItems, true);
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
            var value = item.read(items.get(index), path + "[" + index + "]", context);
            if (unique && value != null && values.contains(value)) {
                context.problems().at(items.get(index), path + "[" + index + "]", "'" + value + "' is listed twice",
                        "list each item once");
            }
            values.add(value);
        }
        return values;
    }

    @Override
    public Map<String, Object> jsonSchema() {
        var schema = new LinkedHashMap<String, Object>();
        schema.put("type", "array");
        schema.put("items", item.jsonSchema());
        if (minItems > 0) schema.put("minItems", minItems);
        if (unique) schema.put("uniqueItems", true);
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
