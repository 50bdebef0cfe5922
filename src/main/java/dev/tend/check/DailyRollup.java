package dev.tend.check;

import java.time.LocalDate;

/**
 * One UTC day of one check: all its results; of those outside maintenance windows, how many had
 * each status; how many fell in a window (left out of uptime); and durations.
 */
public record DailyRollup(LocalDate day, String target, String check, int results, int ok, int warn, int crit, int unknown, int inMaintenance,
        long durationMinMs, long durationMaxMs, long durationSumMs, Status lastStatus) {

    /** Results that count for uptime: taken outside maintenance, and able to tell (not UNKNOWN). */
    public int counted() {
        return ok + warn + crit;
    }

    /** Up: OK or WARN (degraded still serves). */
    public int up() {
        return ok + warn;
    }
}
