package dev.tend.logs.format;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One JSON object per line, read leniently: not an object, or not JSON, is no record. */
final class JsonFields {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonFields() {}

    static JsonNode object(String record) {
        if (record.isEmpty() || record.charAt(0) != '{') return null;
        try {
            var node = MAPPER.readTree(record);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** The first of the fields present as text (a.b reaches into an object). */
    static String text(JsonNode node, String... names) {
        for (var name : names) {
            var value = at(node, name);
            if (value != null && value.isValueNode() && !value.isNull()) return value.asString();
        }
        return null;
    }

    static JsonNode at(JsonNode node, String name) {
        var current = node;
        for (var part : name.split("\\.")) {
            if (current == null || !current.isObject()) return null;
            current = current.get(part);
        }
        return current;
    }
}
