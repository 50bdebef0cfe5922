package dev.tend.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A verification as a row: the queryable facts in columns, the rest as JSON in {@code details}. */
final class VerificationRows {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private VerificationRows() {}

    static String details(Verification verification) {
        var details = new LinkedHashMap<String, Object>();
        details.put("problems", verification.problems());
        details.put("notes", verification.notes());
        details.put("checksumMs", verification.checksumTime().toMillis());
        details.put("restoreMs", verification.restoreTime().toMillis());
        details.put("tables", verification.tables());
        details.put("rows", verification.rows());
        details.put("queries", verification.queries());
        return JSON.writeValueAsString(details);
    }

    @SuppressWarnings("unchecked")
    static Verification read(String backup, String backupId, String kind, boolean passed, long startedAt, long durationMs, String json) {
        Map<String, Object> details = JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
        return new Verification(backup, backupId, kind, passed, (List<String>) details.get("problems"), (List<String>) details.get("notes"),
                Instant.ofEpochMilli(startedAt), Duration.ofMillis(durationMs),
                Duration.ofMillis(((Number) details.get("checksumMs")).longValue()), Duration.ofMillis(((Number) details.get("restoreMs")).longValue()),
                ((Number) details.get("tables")).longValue(), ((Number) details.get("rows")).longValue(),
                (Map<String, String>) details.get("queries"));
    }
}
