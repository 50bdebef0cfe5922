package dev.tend.config.spec;

import java.util.LinkedHashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** A mapping whose keys are names the user chooses and whose values all have one spec. Reads as a Map. */
public record MapSpec(Spec value) implements Spec {

    @Override
    public Object read(Node node, String path, ReadContext context) {
        if (!(node instanceof MappingNode mapping)) {
            context.problems().at(node, path, "expected " + expected() + ", found " + Scalars.describe(node), "write a mapping: {name: ...}");
            return null;
        }
        var values = new LinkedHashMap<String, Object>();
        for (var tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                context.problems().at(tuple.getKeyNode(), path, "keys must be plain names", null);
                continue;
            }
            var itemPath = path + "." + key.getValue();
            if (values.containsKey(key.getValue())) {
                context.problems().at(key, itemPath, "'" + key.getValue() + "' is given twice", "give each key once");
                continue;
            }
            values.put(key.getValue(), value.read(tuple.getValueNode(), itemPath, context));
        }
        return values;
    }

    @Override
    public Map<String, Object> jsonSchema() {
        var schema = new LinkedHashMap<String, Object>();
        schema.put("type", "object");
        schema.put("additionalProperties", value.jsonSchema());
        return schema;
    }

    @Override
    public String expected() {
        return "a mapping of names to " + value.expected();
    }
}
