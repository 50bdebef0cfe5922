package dev.tend.logs;

import dev.tend.check.Status;
import dev.tend.check.Thresholds;

/**
 * {@code check:} of a log source: the levels of its checks, which read what the source gained
 * since the last check. Errors per minute, what a new error pattern and memory trouble count as,
 * and the share of slow requests in percent.
 */
public record LogCheckSettings(Thresholds errorsPerMinute, Status newPatterns, Status memory, Thresholds slowRequests) {}
