package dev.tend.logs.format;

import dev.tend.logs.LogLevel;
import java.time.Instant;

/**
 * What the beginning of a record says — its time, its level and where its message starts — read
 * by {@link LogFormat#head} without copying the line, so a reader can pass over most lines of a
 * large log without making a string of them. Reused from line to line by one reader.
 */
public final class LineHead {
    /** The record's time, or null when it has none. */
    public Instant at;
    /** The record's level, or null when it has none. */
    public LogLevel level;
    /** Where the format's own word for the level starts and ends in the line (brackets and colon left out). */
    public int wordFrom;
    public int wordTo;
    /** Where the message starts in the line. */
    public int message;
}
