package dev.tend.logs;

import java.nio.charset.StandardCharsets;

/**
 * A line of ASCII bytes seen as characters, without copying it: what a reader hands to a format's
 * {@link dev.tend.logs.format.LogFormat#head head} and to a sink deciding whether it needs the
 * line as text. Lines with other bytes are decoded as UTF-8 instead. Reused line after line.
 */
public final class AsciiLine implements CharSequence {
    private byte[] bytes;
    private int from;
    private int to;

    /** A view of {@code bytes[from, to)}, which must all be ASCII. */
    public static AsciiLine of(byte[] bytes, int from, int to) {
        var line = new AsciiLine();
        line.set(bytes, from, to);
        return line;
    }

    void set(byte[] bytes, int from, int to) {
        this.bytes = bytes;
        this.from = from;
        this.to = to;
    }

    /** The bytes the line lies in, from {@link #from()} to {@link #to()}: for scans faster than {@link #charAt}. */
    public byte[] bytes() {
        return bytes;
    }

    public int from() {
        return from;
    }

    public int to() {
        return to;
    }

    @Override
    public int length() {
        return to - from;
    }

    @Override
    public char charAt(int index) {
        return (char) bytes[from + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(bytes, from + start, end - start, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** Whether every character is white space, as {@link String#isBlank()} says. */
    boolean isBlank() {
        for (int index = from; index < to; index++) {
            if (!Character.isWhitespace(bytes[index])) return false;
        }
        return true;
    }
}
