package dev.tend.command;

import java.time.Duration;

/**
 * How a command ended: its exit code (-1 when it had none: killed at its timeout), what it wrote
 * (stdout and stderr together, capped), and whether the cap dropped some of it.
 */
public record CommandResult(int exitCode, String output, long droppedBytes, boolean timedOut, Duration took) {

    public boolean succeeded(java.util.Set<Integer> okExitCodes) {
        return !timedOut && okExitCodes.contains(exitCode);
    }

    /** "exit 0 in 1.2 s" / "killed at its 10 s timeout". */
    public String summary(Duration timeout) {
        if (timedOut) return "killed at its " + dev.tend.check.Units.age(timeout) + " timeout, with every process it started";
        return "exit " + exitCode + " in " + String.format(java.util.Locale.ROOT, "%.1f s", took.toMillis() / 1000.0);
    }
}
