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

    /**
     * Whether {@link #head} reads this format's records: then every line is a record of its own or
     * continues the one before ({@link #incomplete} is never true), and {@link #parse} gives the
     * record whose time, level and message start {@code head} found.
     */
    default boolean readsHeads() {
        return false;
    }

    /**
     * Reads the head of {@code line} into {@code head}: true when the line is a record (what
     * {@link #parse} would return an event for), false when it is not. Only for formats that
     * {@link #readsHeads}; {@code line} may be a view of bytes, not a string.
     */
    default boolean head(CharSequence line, LineHead head) {
        throw new UnsupportedOperationException(name() + " does not read heads");
    }

    /** Whether the record so far is unfinished and the next line belongs to it (a quoted CSV field spanning lines). */
    default boolean incomplete(String record) {
        return false;
    }

    /** Whether a line that is no record of its own continues the previous one (a stack trace, a multi-line statement). */
    default boolean continues(String line) {
        return !line.isEmpty() && (line.charAt(0) == '\t' || line.charAt(0) == ' ');
    }
}
