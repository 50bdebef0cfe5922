package dev.tend.logs.format;

import dev.tend.logs.LogEvent;

/**
 * A log line format: turns a line (or a record of several lines) into an event, or says it is not
 * of this format. A line no format understands is counted and shown, never a reason to stop.
 */
public interface LogFormat {

    /** The name used in {@code logs: [{format: ...}]} and in reports. */
    String name();

    /** The event of this record, or null when it is not of this format. */
    LogEvent parse(long line, String record);

    /** Whether the record so far is unfinished and the next line belongs to it (a quoted CSV field spanning lines). */
    default boolean incomplete(String record) {
        return false;
    }

    /** Whether a line that is no record of its own continues the previous one (a stack trace, a multi-line statement). */
    default boolean continues(String line) {
        return !line.isEmpty() && (line.charAt(0) == '\t' || line.charAt(0) == ' ');
    }
}
