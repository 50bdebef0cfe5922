package dev.tend.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An HTTP/1.1 answer read as bytes arrive (the event loop cannot block for the rest): the status
 * line, the headers, then the body by Content-Length, by chunks, or until the server closes.
 */
final class ResponseParser {
    private static final int MAX_LINE = 64 * 1024;

    private enum State { STATUS, HEADERS, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, UNTIL_CLOSE, DONE }

    private State state = State.STATUS;
    private final StringBuilder line = new StringBuilder(128);
    private int status;
    private long remaining;
    private boolean chunked;
    private long length = -1;
    private boolean closes;

    void reset() {
        state = State.STATUS;
        line.setLength(0);
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
        return state == State.STATUS && line.isEmpty();
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
                default -> {
                    var text = line(buffer);
                    if (text != null) onLine(text);
                }
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

    private void onLine(String text) throws IOException {
        switch (state) {
            case STATUS -> {
                // "HTTP/1.1 200 OK": the version, then three digits.
                if (text.length() < 12 || !text.startsWith("HTTP/") || text.charAt(8) != ' ') throw new IOException("not an HTTP answer: " + text);
                try {
                    status = Integer.parseInt(text, 9, 12, 10);
                } catch (NumberFormatException e) {
                    throw new IOException("not an HTTP answer: " + text);
                }
                closes = text.startsWith("HTTP/1.0");
                state = State.HEADERS;
            }
            case HEADERS -> {
                if (text.isEmpty()) {
                    startBody();
                    return;
                }
                // Only three headers matter here; the rest are skipped without building strings for them.
                if (text.regionMatches(true, 0, "content-length:", 0, 15)) {
                    length = Long.parseLong(text.substring(15).trim());
                } else if (text.regionMatches(true, 0, "transfer-encoding:", 0, 18)) {
                    chunked = text.toLowerCase(Locale.ROOT).contains("chunked");
                } else if (text.regionMatches(true, 0, "connection:", 0, 11)) {
                    var value = text.substring(11).toLowerCase(Locale.ROOT);
                    closes = value.contains("close") || (closes && !value.contains("keep-alive"));
                }
            }
            case CHUNK_SIZE -> {
                int semicolon = text.indexOf(';');
                remaining = Long.parseLong((semicolon >= 0 ? text.substring(0, semicolon) : text).trim(), 16);
                state = remaining == 0 ? State.TRAILERS : State.CHUNK_DATA;
            }
            case CHUNK_END -> state = State.CHUNK_SIZE;
            case TRAILERS -> {
                if (text.isEmpty()) state = State.DONE;
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void startBody() {
        if (status == 204 || status == 304 || status / 100 == 1) {
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
     * A whole line without its CRLF, or null when it goes on in the next buffer. A line that lies
     * whole in the buffer (nearly all do) is copied out in one go, not a byte at a time.
     */
    private String line(ByteBuffer buffer) throws IOException {
        int start = buffer.position();
        int limit = buffer.limit();
        for (int i = start; i < limit; i++) {
            if (buffer.get(i) != '\n') continue;
            buffer.position(i + 1);
            if (line.isEmpty()) {
                int end = i > start && buffer.get(i - 1) == '\r' ? i - 1 : i;
                return copy(buffer, start, end - start);
            }
            line.append(copy(buffer, start, i - start));
            if (!line.isEmpty() && line.charAt(line.length() - 1) == '\r') line.setLength(line.length() - 1);
            var text = line.toString();
            line.setLength(0);
            return text;
        }
        line.append(copy(buffer, start, limit - start));
        buffer.position(limit);
        if (line.length() > MAX_LINE) throw new IOException("a line over " + MAX_LINE + " bytes");
        return null;
    }

    private byte[] scratch = new byte[256];

    private String copy(ByteBuffer buffer, int from, int length) {
        if (scratch.length < length) scratch = new byte[Math.max(length, scratch.length * 2)];
        buffer.get(from, scratch, 0, length);
        return new String(scratch, 0, length, StandardCharsets.ISO_8859_1);
    }

    static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
