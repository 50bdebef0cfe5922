package dev.tend.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP/1.1 answer read as bytes arrive (the event loop cannot block for the rest): the status
 * line, the headers, then the body by Content-Length, by chunks, or until the server closes.
 */
final class ResponseParser {
    private static final int MAX_LINE = 64 * 1024;

    private enum State { STATUS, HEADERS, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, UNTIL_CLOSE, DONE }

    private State state = State.STATUS;
    /** The line being read, and how much of it has come. */
    private byte[] line = new byte[256];
    private int lineLength;
    private int status;
    private long remaining;
    private boolean chunked;
    private long length = -1;
    private boolean closes;

    void reset() {
        state = State.STATUS;
        lineLength = 0;
        status = 0;
        remaining = 0;
        chunked = false;
        length = -1;
        closes = false;
    }

    int status() {
        return status;
    }

    /** The server will close the connection after this answer (or did: the body ran to the close). */
    boolean closes() {
        return closes;
    }

    boolean done() {
        return state == State.DONE;
    }

    /** True when nothing of an answer has arrived yet (an EOF then is a connection closed between answers). */
    boolean untouched() {
        return state == State.STATUS && lineLength == 0;
    }

    /** Consumes what it can of {@code buffer}; true when the answer is complete. */
    boolean feed(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining() && state != State.DONE) {
            switch (state) {
                case BODY, CHUNK_DATA -> {
                    int taken = (int) Math.min(remaining, buffer.remaining());
                    buffer.position(buffer.position() + taken);
                    remaining -= taken;
                    if (remaining == 0) state = state == State.BODY ? State.DONE : State.CHUNK_END;
                }
                case UNTIL_CLOSE -> buffer.position(buffer.limit());
                default -> line(buffer);
            }
        }
        return state == State.DONE;
    }

    /** The server closed the connection: that ends an answer whose body runs to the close; anything else is cut short. */
    boolean end() throws IOException {
        if (state == State.UNTIL_CLOSE) {
            state = State.DONE;
            closes = true;
            return true;
        }
        if (state == State.DONE) return true;
        throw new IOException(untouched() ? "the server closed the connection without answering" : "the answer was cut short");
    }

    /**
     * One line of the answer, in {@code line[0, length)}. Read in bytes: a string per header line
     * was most of what a run allocated, and the collections it caused paused every connection in
     * flight — they showed as the run's p99.
     */
    private void onLine(byte[] text, int length) throws IOException {
        switch (state) {
            case STATUS -> {
                // "HTTP/1.1 200 OK": the version, then three digits.
                if (length < 12 || !startsWith(text, length, "HTTP/") || text[8] != ' ' || !digit(text[9]) || !digit(text[10]) || !digit(text[11])) {
                    throw new IOException("not an HTTP answer: " + new String(text, 0, Math.min(length, 200), StandardCharsets.ISO_8859_1));
                }
                status = (text[9] - '0') * 100 + (text[10] - '0') * 10 + (text[11] - '0');
                closes = startsWith(text, length, "HTTP/1.0");
                state = State.HEADERS;
            }
            case HEADERS -> {
                if (length == 0) {
                    startBody();
                    return;
                }
                // Only three headers matter here; the rest are skipped without building strings for them.
                if (startsWithIgnoringCase(text, length, "content-length:")) {
                    this.length = number(text, 15, length, 10, "Content-Length");
                } else if (startsWithIgnoringCase(text, length, "transfer-encoding:")) {
                    chunked = containsIgnoringCase(text, 18, length, "chunked");
                } else if (startsWithIgnoringCase(text, length, "connection:")) {
                    closes = containsIgnoringCase(text, 11, length, "close") || (closes && !containsIgnoringCase(text, 11, length, "keep-alive"));
                }
            }
            case CHUNK_SIZE -> {
                int end = length;
                for (int index = 0; index < length; index++) {
                    if (text[index] == ';') {
                        end = index;
                        break;
                    }
                }
                remaining = number(text, 0, end, 16, "chunk size");
                state = remaining == 0 ? State.TRAILERS : State.CHUNK_DATA;
            }
            case CHUNK_END -> state = State.CHUNK_SIZE;
            case TRAILERS -> {
                if (length == 0) state = State.DONE;
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    private static boolean digit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean startsWith(byte[] text, int length, String prefix) {
        if (length < prefix.length()) return false;
        for (int index = 0; index < prefix.length(); index++) {
            if (text[index] != prefix.charAt(index)) return false;
        }
        return true;
    }

    /** {@code prefix} is lower case. */
    private static boolean startsWithIgnoringCase(byte[] text, int length, String prefix) {
        if (length < prefix.length()) return false;
        for (int index = 0; index < prefix.length(); index++) {
            if (lower(text[index]) != prefix.charAt(index)) return false;
        }
        return true;
    }

    /** Whether {@code text[from, to)} holds {@code word} (lower case), in any case. */
    private static boolean containsIgnoringCase(byte[] text, int from, int to, String word) {
        for (int start = from; start + word.length() <= to; start++) {
            int index = 0;
            while (index < word.length() && lower(text[start + index]) == word.charAt(index)) index++;
            if (index == word.length()) return true;
        }
        return false;
    }

    private static int lower(byte b) {
        return b >= 'A' && b <= 'Z' ? b + 32 : b;
    }

    /** The number in {@code text[from, to)}, blanks around it allowed, in {@code radix} (10 or 16). */
    private static long number(byte[] text, int from, int to, int radix, String what) throws IOException {
        while (from < to && (text[from] == ' ' || text[from] == '\t')) from++;
        while (to > from && (text[to - 1] == ' ' || text[to - 1] == '\t')) to--;
        if (from == to || to - from > 15) throw new IOException("not a " + what + ": '" + new String(text, from, Math.min(to - from, 40), StandardCharsets.ISO_8859_1) + "'");
        long value = 0;
        for (int index = from; index < to; index++) {
            int digit = Character.digit(text[index], radix);
            if (digit < 0) throw new IOException("not a " + what + ": '" + new String(text, from, to - from, StandardCharsets.ISO_8859_1) + "'");
            value = value * radix + digit;
        }
        return value;
    }

    private void startBody() {
        if (status / 100 == 1 && status != 101) {
            // An interim answer (100 Continue, 103 Early Hints): the final one follows on the same connection.
            reset();
        } else if (status == 204 || status == 304 || status == 101) {
            state = State.DONE;
        } else if (chunked) {
            state = State.CHUNK_SIZE;
        } else if (length >= 0) {
            remaining = length;
            state = length == 0 ? State.DONE : State.BODY;
        } else {
            state = State.UNTIL_CLOSE;
        }
    }

    /**
     * Gathers a line into {@link #line} up to its LF (the CR before it left out) and hands it to
     * {@link #onLine}; true when one was, false when it goes on in the next buffer.
     */
    private boolean line(ByteBuffer buffer) throws IOException {
        int start = buffer.position();
        int limit = buffer.limit();
        for (int i = start; i < limit; i++) {
            if (buffer.get(i) != '\n') continue;
            append(buffer, start, i - start);
            buffer.position(i + 1);
            int length = lineLength;
            if (length > 0 && line[length - 1] == '\r') length--;
            lineLength = 0;
            onLine(line, length);
            return true;
        }
        append(buffer, start, limit - start);
        buffer.position(limit);
        return false;
    }

    private void append(ByteBuffer buffer, int from, int length) throws IOException {
        if (lineLength + length > MAX_LINE) throw new IOException("a line over " + MAX_LINE + " bytes");
        if (line.length < lineLength + length) line = java.util.Arrays.copyOf(line, Math.max(lineLength + length, line.length * 2));
        buffer.get(from, line, lineLength, length);
        lineLength += length;
    }
}
