package dev.tend.logs.analyze;

import dev.tend.logs.AsciiLine;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Whether a line holds one of the runs of letters every memory-trouble phrase has ("emory",
 * "oom", "illed process", "lloc", "137" and their capitals): the memory pattern is tried only on
 * such lines. One pass over the bytes of an ASCII line; a string is searched run by run.
 */
final class MemoryWords {
    private static final String[] RUNS = {"emory", "EMORY", "oom", "OOM", "Oom", "illed process", "lloc", "137"};
    /** Which bytes start a run. */
    private static final boolean[] FIRST = new boolean[128];

    static {
        for (var run : RUNS) FIRST[run.charAt(0)] = true;
    }

    private MemoryWords() {}

    /** Whether {@code line} from {@code from} on may speak of memory trouble. */
    static boolean mayHold(CharSequence line, int from) {
        if (line instanceof AsciiLine ascii) return mayHold(ascii.bytes(), ascii.from() + from, ascii.to());
        var text = line.toString();
        for (var run : RUNS) {
            if (text.indexOf(run, from) >= 0) return true;
        }
        return false;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    /** Sets the bit that makes an ASCII capital a small letter (and leaves '1' and '3' as they are). */
    private static final long FOLD = 0x2020202020202020L;

    /**
     * Eight positions at a time, without a branch per byte: a run can start only where the two
     * bytes there, capitals made small, are "em", "oo", "il", "ll" or "13" — rare pairs, where
     * the first letters alone (e, o, i, l) are a third of all text. Each such place is then checked
     * run by run; the last few bytes of a line go one at a time.
     */
    private static boolean mayHold(byte[] bytes, int from, int to) {
        // A run is three bytes or more: it starts at to - 3 at the latest. The last window may read
        // past the line (never past the array) and keeps only the places inside it.
        int last = to - 3;
        int index = from;
        for (; index <= last && index + 9 <= bytes.length; index += 8) {
            long first = (long) LONGS.get(bytes, index) | FOLD;
            long second = (long) LONGS.get(bytes, index + 1) | FOLD;
            long pairs = equal(first, 'e') & equal(second, 'm') | equal(first, 'o') & equal(second, 'o') | equal(first, 'i') & equal(second, 'l')
                    | equal(first, 'l') & equal(second, 'l') | equal(first, '1') & equal(second, '3');
            pairs &= HIGHS;
            int places = last - index + 1;
            if (places < 8) pairs &= (1L << (places << 3)) - 1;
            while (pairs != 0) {
                if (startsARun(bytes, index + (Long.numberOfTrailingZeros(pairs) >>> 3), to)) return true;
                pairs &= pairs - 1;
            }
        }
        for (; index <= last; index++) {
            byte b = bytes[index];
            if (b >= 0 && FIRST[b] && startsARun(bytes, index, to)) return true;
        }
        return false;
    }

    /**
     * High bits where a byte of {@code word} equals {@code c} (before the final mask): exact for
     * the lowest such byte and never missing one, though a byte above an equal one may be marked
     * too — a place then checked for nothing.
     */
    private static long equal(long word, char c) {
        long x = word ^ (ONES * c);
        return (x - ONES) & ~x;
    }

    private static boolean startsARun(byte[] bytes, int at, int to) {
        for (var run : RUNS) {
            if (run.charAt(0) == bytes[at] && startsWith(bytes, at, to, run)) return true;
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, int at, int to, String run) {
        if (at + run.length() > to) return false;
        for (int index = 1; index < run.length(); index++) {
            if (bytes[at + index] != run.charAt(index)) return false;
        }
        return true;
    }
}
