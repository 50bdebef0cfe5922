package dev.tend.command;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A command's output kept within a byte limit: its first half and its last half, with the middle
 * counted, so both how it started and how it ended (the error, usually) survive a chatty command.
 */
public final class CappedOutput {
    private final int half;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private final byte[] tail;
    private int tailStart;
    private int tailLength;
    private long dropped;

    public CappedOutput(long limit) {
        this.half = (int) Math.max(1, Math.min(Integer.MAX_VALUE / 2, limit / 2));
        this.tail = new byte[half];
    }

    /** Reads until the stream ends (or fails: the process was killed). */
    public void readAll(InputStream in) {
        var buffer = new byte[8192];
        try {
            int read;
            while ((read = in.read(buffer)) >= 0) write(buffer, read);
        } catch (IOException closed) {
            // the pipe closed under us at a kill: what was read is kept
        }
    }

    public synchronized void write(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (head.size() < half) {
                head.write(bytes[i]);
                continue;
            }
            if (tailLength == half) {
                tailStart = (tailStart + 1) % half;
                tailLength--;
                dropped++;
            }
            tail[(tailStart + tailLength) % half] = bytes[i];
            tailLength++;
        }
    }

    public synchronized long dropped() {
        return dropped;
    }

    public synchronized String text() {
        var text = new StringBuilder(head.toString(StandardCharsets.UTF_8));
        if (dropped > 0) text.append("\n[… ").append(dropped).append(" bytes not kept …]\n");
        var ordered = new byte[tailLength];
        for (int i = 0; i < tailLength; i++) ordered[i] = tail[(tailStart + i) % half];
        text.append(new String(ordered, StandardCharsets.UTF_8));
        return text.toString();
    }
}
