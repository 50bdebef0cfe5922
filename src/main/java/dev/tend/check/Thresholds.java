package dev.tend.check;

/** Warn and critical levels for a figure where higher is worse (usage, latency, counts). */
public record Thresholds(double warn, double crit) {

    public Status grade(double value) {
        if (value >= crit) return Status.CRIT;
        if (value >= warn) return Status.WARN;
        return Status.OK;
    }

    /** The level a value crossed, for reasons like "over the 80% threshold". */
    public double crossed(double value) {
        return value >= crit ? crit : warn;
    }

    /** Levels for a figure where lower is worse (days until a certificate expires). */
    public Status gradeLow(double value) {
        if (value <= crit) return Status.CRIT;
        if (value <= warn) return Status.WARN;
        return Status.OK;
    }
}
