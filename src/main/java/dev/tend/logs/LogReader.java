package dev.tend.logs;

import dev.tend.logs.format.LogFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a source's files in order and hands each record to a sink as an event of the format, or as
 * an unmatched line: nothing stops the reading but a file that cannot be read, and that is
 * reported, never skipped in silence. Records of several lines (continuations, open CSV quotes)
 * are joined before the sink sees them.
 */
public final class LogReader {
    /** How many lines of a file the format is detected from. */
    public static final int SAMPLE = 200;

    /** What is done with what was read. */
    public interface Sink {
        void event(Path file, LogEvent event);

        void unmatched(Path file, long line, String text);

        /** A line that continues a record not yet handed over (a stack trace): not a record, but searched. */
        default void continuation(Path file, long line, String text, LogEvent record) {}

        /**
         * Whether this sink can do without {@code line} as text and as an event — it has noted what
         * it needs of it here: a record whose {@code head} was read in place, or (head null) a line
         * continuing the record before. Asked only for ASCII lines of formats that read heads. A
         * record skipped is handed to its continuations with its time and level only.
         */
        default boolean skip(Path file, dev.tend.logs.format.LineHead head, CharSequence line) {
            return false;
        }
    }

    /** One file as read: its lines, or why it could not be read; {@code end} is the byte offset read to (incremental reads). */
    public record Input(Path file, long lines, long records, long continuations, long unmatched, String problem, long end) {}

    /** Lines one after another, from a whole file or from an offset. */
    private interface Lines extends java.io.Closeable {
        String next() throws IOException;

        default long end() {
            return -1;
        }
    }

    private LogReader() {}

    public static List<Input> read(List<Path> files, LogFormat format, Sink sink) {
        var inputs = new ArrayList<Input>();
        for (var file : files) inputs.add(readOne(file, format, sink));
        return inputs;
    }

    /** The first lines of the newest file that has any: what detection looks at. */
    public static List<String> sample(List<Path> files) {
        for (int index = files.size() - 1; index >= 0; index--) {
            var lines = new ArrayList<String>();
            try (var reader = reader(files.get(index))) {
                String line;
                while (lines.size() < SAMPLE && (line = reader.readLine()) != null) {
                    if (!line.isBlank()) lines.add(line);
                }
            } catch (IOException e) {
                continue; // reported when it is read
            }
            if (!lines.isEmpty()) return lines;
        }
        return List.of();
    }

    private static Input readOne(Path file, LogFormat format, Sink sink) {
        try {
            if (format.readsHeads()) return HeadReader.read(file, LogFiles.open(file), format, sink);
            var reader = reader(file);
            return readLines(file, new Lines() {
                @Override
                public String next() throws IOException {
                    return reader.readLine();
                }

                @Override
                public void close() throws IOException {
                    reader.close();
                }
            }, format, sink);
        } catch (IOException e) {
            return new Input(file, 0, 0, 0, 0, e.getClass().getSimpleName() + ": " + e.getMessage(), -1);
        }
    }

    /** The complete lines of a file from a byte offset on (not gzip): an incremental read. {@link Input#end()} is where the next one resumes. */
    public static Input readFrom(Path file, long offset, LogFormat format, Sink sink) {
        try {
            var lines = new OffsetLines(file, offset);
            return readLines(file, new Lines() {
                @Override
                public String next() throws IOException {
                    return lines.next();
                }

                @Override
                public long end() {
                    return lines.end();
                }

                @Override
                public void close() throws IOException {
                    lines.close();
                }
            }, format, sink);
        } catch (IOException e) {
            return new Input(file, 0, 0, 0, 0, e.getClass().getSimpleName() + ": " + e.getMessage(), offset);
        }
    }

    private static Input readLines(Path file, Lines reader, LogFormat format, Sink sink) {
        long lines = 0;
        long records = 0;
        long continuations = 0;
        long unmatched = 0;
        try (reader) {
            LogEvent pending = null;
            String line;
            while ((line = reader.next()) != null) {
                lines++;
                long first = lines;
                var record = line;
                while (format.incomplete(record)) {
                    var more = reader.next();
                    if (more == null) break;
                    lines++;
                    record = record + "\n" + more;
                }
                var event = format.parse(first, record);
                if (event != null) {
                    if (pending != null) sink.event(file, pending);
                    pending = event;
                    records++;
                } else if (pending != null && format.continues(record)) {
                    pending = pending.continued(record);
                    continuations++;
                    sink.continuation(file, first, record, pending);
                } else if (!record.isBlank()) {
                    unmatched++;
                    sink.unmatched(file, first, record);
                }
            }
            if (pending != null) sink.event(file, pending);
            return new Input(file, lines, records, continuations, unmatched, null, reader.end());
        } catch (IOException | java.io.UncheckedIOException e) {
            return new Input(file, lines, records, continuations, unmatched, e.getClass().getSimpleName() + ": " + e.getMessage(), reader.end());
        }
    }

    private static BufferedReader reader(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(LogFiles.open(file), StandardCharsets.UTF_8), 1 << 16);
    }
}
