package dev.tend.cli;

import dev.tend.check.CheckResult;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The machine view of results: {"results":[{target, check, status, reason, durationMs, measurements}]}. */
final class ResultJson {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ResultJson() {}

    static void print(List<CheckResult> results, PrintWriter out) {
        var rows = results.stream().map(ResultJson::row).toList();
        out.println(JSON.writeValueAsString(Map.of("results", rows)));
    }

    private static Map<String, Object> row(CheckResult result) {
        var measurements = new LinkedHashMap<String, Object>();
        result.measurements().forEach(m -> measurements.put(m.name(), Map.of("value", m.value(), "unit", m.unit())));
        var row = new LinkedHashMap<String, Object>();
        row.put("target", result.target());
        row.put("check", result.check());
        row.put("status", result.status().name());
        row.put("reason", result.reason());
        row.put("startedAt", result.startedAt().toString());
        row.put("durationMs", result.duration().toMillis());
        row.put("measurements", measurements);
        return row;
    }
}
