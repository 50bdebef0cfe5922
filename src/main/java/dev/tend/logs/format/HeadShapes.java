package dev.tend.logs.format;

import dev.tend.logs.AsciiLine;
import dev.tend.logs.LogLevel;
import java.time.Instant;
import java.util.Arrays;

/**
 * The last few shapes of plain records' heads — what lies between the stamp's fraction and the
 * message ({@code " - hub.api - INFO - "}), with where the level word and the message are — so a
 * line of the same second and the same shape is read by comparing bytes instead of parsing its
 * stamp and its words again: most lines of a busy log are one of a few shapes.
 *
 * <p>A shape is kept only when everything the parser looked at beyond the stamp's second lies in
 * it: at least {@link #LEAST} bytes (the longest look for a zone after the fraction), no zone, a
 * level found and a message after it (so the blank that ended the level word is in the shape).
 * Then equal bytes give the parser's own answer; the fraction is read as the parser reads it.
 */
final class HeadShapes {
    /** The zone the parser looks for after a fraction reads at most this far. */
    static final int LEAST = 9;
    private static final int KEPT = 4;
    private static final long[] SCALE = {1_000_000_000L, 100_000_000L, 10_000_000L, 1_000_000L, 100_000L, 10_000L, 1_000L, 100L, 10L, 1L};

    /** {@code between} is kept as the words of its bytes (the last one overlapping the one before), compared eight bytes at a time. */
    private record Shape(byte mark, int digits, int size, long[] between, int wordFrom, int wordTo, int message, LogLevel level) {
        static Shape of(byte mark, int digits, byte[] between, int wordFrom, int wordTo, int message, LogLevel level) {
            int size = between.length; // at least LEAST, so at least one word
            var words = new long[(size + 7) / 8];
            for (int index = 0; index < words.length; index++) words[index] = (long) LONGS.get(between, Math.min(index * 8, size - 8));
            return new Shape(mark, digits, size, words, wordFrom, wordTo, message, level);
        }

        boolean sameBetween(byte[] bytes, int at) {
            for (int index = 0; index < between.length; index++) {
                if ((long) LONGS.get(bytes, at + Math.min(index * 8, size - 8)) != between[index]) return false;
            }
            return true;
        }
    }

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class,
            java.nio.ByteOrder.LITTLE_ENDIAN);

    private final Shape[] shapes = new Shape[KEPT];
    /** Heads recalled so far (the test makes sure its lines are). */
    long recalled;
    private final StampScanner stamps;

    HeadShapes(StampScanner stamps) {
        this.stamps = stamps;
    }

    /** Fills {@code head} when the line has the last stamp's second and a kept shape; false otherwise. */
    boolean recall(AsciiLine line, LineHead head) {
        if (shapes[0] == null) return false;
        long second = stamps.sameSecond(line, 0);
        if (second == Long.MIN_VALUE) return false;
        var bytes = line.bytes();
        int base = line.from();
        int length = line.length();
        for (var shape : shapes) {
            if (shape == null) return false;
            int at = 19;
            long nanos = 0;
            if (shape.digits > 0) {
                if (length <= 20 + shape.digits || bytes[base + 19] != shape.mark) continue;
                boolean digits = true;
                for (int index = base + 20; index < base + 20 + shape.digits; index++) {
                    int digit = bytes[index] - '0';
                    if (digit < 0 || digit > 9) {
                        digits = false;
                        break;
                    }
                    nanos = nanos * 10 + digit;
                }
                if (!digits) continue;
                nanos *= SCALE[shape.digits];
                at = 20 + shape.digits;
            }
            if (length < at + shape.size || !shape.sameBetween(bytes, base + at)) continue;
            if (shape.message < length && PlainFormat.separator((char) bytes[base + shape.message])) continue;
            head.at = Instant.ofEpochSecond(second, nanos);
            head.level = shape.level;
            head.wordFrom = shape.wordFrom;
            head.wordTo = shape.wordTo;
            head.message = shape.message;
            recalled++;
            return true;
        }
        return false;
    }

    /** Keeps the shape of a head the parser just read from {@code line}, when it can be recalled safely. */
    void remember(AsciiLine line, LineHead head) {
        if (head.level == null || head.at == null || stamps.sameSecond(line, 0) == Long.MIN_VALUE) return;
        var bytes = line.bytes();
        int base = line.from();
        int length = line.length();
        byte mark = 0;
        int digits = 0;
        int at = 19;
        if (length > 20 && (bytes[base + 19] == '.' || bytes[base + 19] == ',')) {
            while (20 + digits < length && bytes[base + 20 + digits] >= '0' && bytes[base + 20 + digits] <= '9') digits++;
            if (digits > 9) return;
            if (digits > 0) {
                mark = bytes[base + 19];
                at = 20 + digits;
            }
        }
        // A message must follow: the level word then ended at a blank inside the shape, not at the line's end.
        if (head.message - at < LEAST || head.wordFrom < at || head.message >= length) return;
        System.arraycopy(shapes, 0, shapes, 1, KEPT - 1);
        shapes[0] = Shape.of(mark, digits, Arrays.copyOfRange(bytes, base + at, base + head.message), head.wordFrom, head.wordTo, head.message, head.level);
    }
}
