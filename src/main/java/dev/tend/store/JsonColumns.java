package dev.tend.store;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Values kept as JSON text in one column (figures, details): one mapper for every repository. */
public final class JsonColumns {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonColumns() {}

    public static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    public static <T> T read(String json, TypeReference<T> type) {
        return JSON.readValue(json, type);
    }
}
