package dev.tend.check;

import dev.tend.store.JsonColumns;
import java.util.List;
import tools.jackson.core.type.TypeReference;

/** Measurements as the JSON text kept beside a result or a task's before and after. */
public final class MeasurementColumns {
    private static final TypeReference<List<Measurement>> LIST = new TypeReference<>() {};

    private MeasurementColumns() {}

    public static String write(List<Measurement> measurements) {
        return JsonColumns.write(measurements);
    }

    public static List<Measurement> read(String json) {
        return JsonColumns.read(json, LIST);
    }
}
