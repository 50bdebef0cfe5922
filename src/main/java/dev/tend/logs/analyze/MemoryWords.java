package dev.tend.logs.analyze;

import dev.tend.logs.AsciiLine;

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

    private static boolean mayHold(byte[] bytes, int from, int to) {
        for (int index = from; index < to; index++) {
            byte b = bytes[index];
            if (b < 0 || !FIRST[b]) continue;
            for (var run : RUNS) {
                if (run.charAt(0) == b && startsWith(bytes, index, to, run)) return true;
            }
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
