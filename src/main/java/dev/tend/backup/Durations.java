package dev.tend.backup;

import java.time.Duration;

/** Durations as people read them in reports: 850 ms, 12.4 s, 3 min 05 s. */
final class Durations {
    private Durations() {}

    static String short_(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) return millis + " ms";
        if (millis < 60_000) return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        return String.format(java.util.Locale.ROOT, "%d min %02d s", millis / 60_000, (millis / 1000) % 60);
    }
}
