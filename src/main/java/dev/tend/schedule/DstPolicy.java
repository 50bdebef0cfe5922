package dev.tend.schedule;

/**
 * What a schedule does when daylight saving skips its wall-clock time (spring forward) or
 * repeats it (fall back). Explicit per schedule, because cron implementations disagree.
 */
public record DstPolicy(Skipped skipped, Repeated repeated) {

    /** The runbooks' expectation: a skipped time runs late by the gap, a repeated one runs once, the first time. */
    public static final DstPolicy DEFAULT = new DstPolicy(Skipped.SHIFT, Repeated.FIRST);

    /** The wall-clock time does not exist that day. */
    public enum Skipped {
        /** run at the same wall-clock time plus the gap (02:30 becomes 03:30) */
        SHIFT,
        /** do not run that day */
        SKIP
    }

    /** The wall-clock time happens twice that day. */
    public enum Repeated {
        /** run at the first (earlier) of the two */
        FIRST,
        /** run at the second (later) of the two */
        SECOND,
        /** run at both */
        BOTH
    }
}
