package dev.tend.logs.analyze;

/**
 * Durations counted in log-linear buckets (64 per power of two, so a percentile is within 1.6% of
 * the true value) instead of kept one by one: memory stays a few kilobytes per endpoint however
 * many requests a log holds.
 */
final class Histogram {
    private static final int SUB = 64;
    private final long[] counts = new long[64 * SUB];
    private long total;

    void add(long micros) {
        counts[index(Math.max(0, micros))]++;
        total++;
    }

    long count() {
        return total;
    }

    /** The value at the percentile (0-100), as the upper edge of its bucket, in microseconds. */
    long percentile(double percentile) {
        if (total == 0) return 0;
        long rank = (long) Math.ceil(percentile / 100.0 * total);
        long seen = 0;
        for (int index = 0; index < counts.length; index++) {
            seen += counts[index];
            if (seen >= Math.max(1, rank)) return upper(index);
        }
        return upper(counts.length - 1);
    }

    private static int index(long value) {
        if (value < SUB) return (int) value;
        int exponent = 63 - Long.numberOfLeadingZeros(value); // >= 6
        int shift = exponent - 6;
        return (shift + 1) * SUB + (int) ((value >> shift) - SUB);
    }

    private static long upper(int index) {
        if (index < SUB) return index;
        int shift = index / SUB - 1;
        long base = (long) (SUB + index % SUB) << shift;
        return base + (1L << shift) - 1;
    }
}
