package dev.tend.capacity;

import java.time.Duration;

/**
 * How forecasts judge: the level (percent of capacity) whose forecast date matters, the horizons
 * that make that date a warning or critical, and how many days of history a trend needs.
 */
public record CapacitySettings(double level, Duration warnWithin, Duration critWithin, int minHistoryDays) {
    public static final CapacitySettings DEFAULT = new CapacitySettings(80, Duration.ofDays(30), Duration.ofDays(7), 14);
}
