package dev.tend.backup;

import java.time.Duration;
import java.util.Map;

/** What a scratch restore showed: how long it took, what it held, what the integrity queries said. */
record Restored(Duration restoreTime, long tables, long rows, Map<String, String> queries) {}
