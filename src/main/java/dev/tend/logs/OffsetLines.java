package dev.tend.logs;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The complete lines of a file from a byte offset on, and the offset after the last one: what an
 * incremental read resumes from. A last line still being written (no newline yet) is left for the
 * next read, so a line is never counted half, nor twice.
 */
final class OffsetLines implements Closeable {
    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private long position;
    private long end;

    OffsetLines(Path file, long offset) throws IOException {
        var channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(offset);
        this.in = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
        this.position = offset;
        this.end = offset;
    }

    /** The next complete line without its newline, or null at the end (a partial line stays unread). */
    String next() throws IOException {
        line.reset();
        int b;
        while ((b = in.read()) >= 0) {
            position++;
            if (b == '\n') {
                end = position;
                int length = line.size();
                var bytes = line.toByteArray();
                if (length > 0 && bytes[length - 1] == '\r') length--;
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            line.write(b);
        }
        return null;
    }

    /** The offset after the last complete line returned. */
    long end() {
        return end;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
