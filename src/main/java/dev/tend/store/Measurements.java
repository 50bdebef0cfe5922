package dev.tend.store;

import dev.tend.check.Measurement;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Measurements as the JSON text stored beside each result. */
final class Measurements {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Measurements() {}

    static String toJson(List<Measurement> measurements) {
        return JSON.writeValueAsString(measurements);
    }

    static List<Measurement> fromJson(String json) {
        return JSON.readValue(json, new TypeReference<List<Measurement>>() {});
    }
}
