package dev.tend.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The evidence that a backup restores: checksums checked, restored into a scratch database (or a
 * throwaway Redis), tables and rows compared with the manifest, integrity queries run.
 */
public record Verification(
        String backup,
        String backupId,
        String kind,
        boolean passed,
        List<String> problems,
        List<String> notes,
        Instant startedAt,
        Duration duration,
        Duration checksumTime,
        Duration restoreTime,
        long tables,
        long rows,
        Map<String, String> queries) {

    public static final String VERIFY = "verify";
    public static final String DRILL = "drill";

    /** One line for people: passed, or the first problem. */
    public String summary() {
        return passed ? "passed: " + tables + (tables == 1 ? " table, " : " tables, ") + rows + (rows == 1 ? " row" : " rows")
                + ", restored in " + Durations.short_(restoreTime)
                : "FAILED: " + String.join("; ", problems);
    }
}
