package dev.tend.config.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** A mapping with a fixed set of keys. Unknown and repeated keys are errors. Reads as {@link Fields}. */
public record ObjectSpec(String description, List<Field> fields) implements Spec {

    public static ObjectSpec of(String description, Field... fields) {
        return new ObjectSpec(description, List.of(fields));
    }

    /** A copy with more fields, for specs that share a common part. */
    public ObjectSpec with(List<Field> more) {
        var all = new ArrayList<>(more);
        all.addAll(fields);
        return new ObjectSpec(description, all);
    }

    public List<String> keys() {
        return fields.stream().map(Field::name).toList();
    }

    @Override
    public Object read(Node node, String path, ReadContext context) {
        if (!(node instanceof MappingNode mapping)) {
            context.problems().at(node, path, "expected " + expected() + ", found " + Scalars.describe(node), null);
            return null;
        }
        var byName = new LinkedHashMap<String, Field>();
        fields.forEach(field -> byName.put(field.name(), field));
        var given = new LinkedHashMap<String, Node>();
        var keyNodes = new LinkedHashMap<String, Node>();
        for (var tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                context.problems().at(tuple.getKeyNode(), path, "a key must be a plain word", null);
                continue;
            }
            var key = keyNode.getValue();
            var keyPath = path.isEmpty() ? key : path + "." + key;
            if (given.containsKey(key)) {
                var first = keyNodes.get(key).getStartMark().map(m -> m.getLine() + 1).orElse(0);
                context.problems().at(keyNode, keyPath, "'" + key + "' is given twice", "the first is on line " + first + "; keep one");
            } else if (!byName.containsKey(key)) {
                context.problems().at(keyNode, keyPath, "unknown key '" + key + "'", Suggestions.didYouMean(key, byName.keySet()));
            } else {
                given.put(key, tuple.getValueNode());
                keyNodes.put(key, keyNode);
            }
        }
        var values = new LinkedHashMap<String, Object>();
        for (var field : fields) {
            var fieldPath = path.isEmpty() ? field.name() : path + "." + field.name();
            var valueNode = given.get(field.name());
            var value = valueNode == null ? null : field.spec().read(valueNode, fieldPath, context);
            if (value != null) {
                values.put(field.name(), value);
            } else if (valueNode != null && field.defaultYaml() != null) {
                // The bad value is reported; the default stands in, so what binds after reading never meets a hole.
                values.put(field.name(), field.spec().read(field.defaultNode(), fieldPath, context));
            } else if (valueNode != null) {
                values.put(field.name(), null);
            } else if (field.required()) {
                context.problems().at(node, path, "missing required key '" + field.name() + "'", field.description());
            } else if (field.defaultYaml() != null) {
                values.put(field.name(), field.spec().read(field.defaultNode(), fieldPath, context));
            }
        }
        return new Fields(path, node, values, given);
    }

    @Override
    public Map<String, Object> jsonSchema() {
        var properties = new LinkedHashMap<String, Object>();
        var required = new ArrayList<String>();
        for (var field : fields) {
            var schema = new LinkedHashMap<>(field.spec().jsonSchema());
            if (field.description() != null) schema.put("description", field.description());
            if (field.defaultYaml() != null) schema.put("default", YamlDefaults.toJson(field.defaultYaml()));
            properties.put(field.name(), schema);
            if (field.required()) required.add(field.name());
        }
        var schema = new LinkedHashMap<String, Object>();
        schema.put("type", "object");
        if (description != null) schema.put("description", description);
        schema.put("properties", properties);
        if (!required.isEmpty()) schema.put("required", required);
        schema.put("additionalProperties", false);
        return schema;
    }

    @Override
    public String expected() {
        return "a mapping of " + String.join(", ", keys());
    }
}
