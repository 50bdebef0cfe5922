package dev.tend.logs;

import dev.tend.logs.format.LineHead;
import dev.tend.logs.format.LogFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@link LogReader}'s way through a file whose format {@link LogFormat#readsHeads reads heads}:
 * lines are split in bytes, not decoded, and the head of an ASCII line is read in place; only
 * lines the sink does not {@link LogReader.Sink#skip skip} become strings and events. The sink
 * sees the same records, continuations and unmatched lines in the same order as through
 * {@link LogReader}'s text path (lines end at \n, \r or \r\n, as {@link java.io.BufferedReader}
 * says); a record it skipped is handed to the continuations after it with its time and level only.
 */
final class HeadReader {
    private static final int BUFFER = 1 << 20;
    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class,
            java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long RETURNS = 0x0D0D0D0D0D0D0D0DL;

    private final Path file;
    private final LogFormat format;
    private final LogReader.Sink sink;
    private final LineHead head = new LineHead();
    private final AsciiLine view = new AsciiLine();
    private long lines;
    private long records;
    private long continuations;
    private long unmatched;
    private LogEvent pending;
    /** Whether the record continuations belong to was skipped; then its line, time and level, and the event made of them once needed. */
    private boolean quiet;
    private long quietLine;
    private java.time.Instant quietAt;
    private LogLevel quietLevel;
    private LogEvent skipped;

    private HeadReader(Path file, LogFormat format, LogReader.Sink sink) {
        this.file = file;
        this.format = format;
        this.sink = sink;
    }

    static LogReader.Input read(Path file, InputStream in, LogFormat format, LogReader.Sink sink) {
        var reader = new HeadReader(file, format, sink);
        try (in) {
            reader.lines(in);
            if (reader.pending != null) sink.event(file, reader.pending);
            return reader.input(null);
        } catch (IOException | java.io.UncheckedIOException e) {
            return reader.input(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private LogReader.Input input(String problem) {
        return new LogReader.Input(file, lines, records, continuations, unmatched, problem, -1);
    }

    private void lines(InputStream in) throws IOException {
        var buffer = new byte[BUFFER];
        int filled = 0;
        int start = 0;
        boolean eof = false;
        while (true) {
            // One line: up to \n or \r, noting whether every byte is ASCII; eight bytes at a time.
            int index = start;
            long high = 0;
            while (index + 8 <= filled) {
                long word = (long) LONGS.get(buffer, index);
                long newline = word ^ NEWLINES;
                long cr = word ^ RETURNS;
                // The lowest byte that is zero after the XOR marks the first \n or \r (higher marks may be borrows).
                long ends = ((newline - ONES) & ~newline | (cr - ONES) & ~cr) & HIGHS;
                if (ends == 0) {
                    high |= word;
                    index += 8;
                    continue;
                }
                int before = Long.numberOfTrailingZeros(ends) >>> 3;
                high |= word & ((1L << (before << 3)) - 1);
                index += before;
                break;
            }
            int negative = (high & HIGHS) != 0 ? -1 : 0;
            if (index + 8 > filled) {
                while (index < filled) {
                    byte b = buffer[index];
                    if (b == '\n' || b == '\r') break;
                    negative |= b;
                    index++;
                }
            }
            boolean crAtEnd = index < filled && buffer[index] == '\r' && index + 1 == filled && !eof;
            if (index == filled || crAtEnd) {
                if (eof) {
                    if (start < filled) line(buffer, start, filled, negative < 0);
                    return;
                }
                // Keep the unfinished line, read more (a line longer than the buffer grows it).
                int kept = filled - start;
                if (start == 0 && filled == buffer.length) buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
                else System.arraycopy(buffer, start, buffer, 0, kept);
                filled = kept;
                start = 0;
                int read = in.read(buffer, filled, buffer.length - filled);
                if (read < 0) eof = true;
                else filled += read;
                continue;
            }
            line(buffer, start, index, negative < 0);
            start = buffer[index] == '\r' && index + 1 < filled && buffer[index + 1] == '\n' ? index + 2 : index + 1;
        }
    }

    private void line(byte[] buffer, int from, int to, boolean other) {
        lines++;
        if (other) {
            text(new String(buffer, from, to - from, StandardCharsets.UTF_8));
            return;
        }
        view.set(buffer, from, to);
        if (format.head(view, head)) {
            flush();
            records++;
            if (sink.skip(file, head, view)) {
                quiet = true;
                quietLine = lines;
                quietAt = head.at;
                quietLevel = head.level;
                skipped = null;
            } else {
                pending = format.parse(lines, view.toString());
            }
        } else if (pending != null || quiet) {
            continuations++;
            if (!sink.skip(file, null, view)) continued(view.toString());
        } else if (!view.isBlank()) {
            unmatched++;
            sink.unmatched(file, lines, view.toString());
        }
    }

    /** A line with bytes other than ASCII: decoded, and read as the text path reads it. */
    private void text(String line) {
        var event = format.parse(lines, line);
        if (event != null) {
            flush();
            records++;
            pending = event;
        } else if (pending != null || quiet) {
            continuations++;
            continued(line);
        } else if (!line.isBlank()) {
            unmatched++;
            sink.unmatched(file, lines, line);
        }
    }

    private void continued(String text) {
        if (pending != null) {
            pending = pending.continued(text);
            sink.continuation(file, lines, text, pending);
        } else {
            if (skipped == null) skipped = LogEvent.of(quietLine, quietAt, quietLevel, null, "");
            sink.continuation(file, lines, text, skipped);
        }
    }

    /** A new record: the one before is complete. */
    private void flush() {
        if (pending != null) sink.event(file, pending);
        pending = null;
        quiet = false;
    }
}
