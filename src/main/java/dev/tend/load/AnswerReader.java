package dev.tend.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads HTTP/1.1 answers off one connection to their last byte: the status line and headers, then
 * the body by Content-Length, by chunks, or until the server closes. Its own unsynchronised buffer,
 * scanned in place: the reader must cost far less than the server it measures.
 */
final class AnswerReader {
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;

    AnswerReader(InputStream in) {
        this.in = in;
    }

    /** How one answer went: its status, and whether the server closes the connection after it. */
    record Answer(int status, boolean closes) {}

    /** Whether a byte of the answer being read has come (bytes already buffered count): a connection that broke before is the server's closing. */
    private boolean begun;

    Answer read() throws IOException {
        begun = position < limit;
        var statusLine = line();
        if (statusLine == null) throw new IOException("the server closed the connection without answering");
        var parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) throw new IOException("not an HTTP answer: " + statusLine);
        int status = Integer.parseInt(parts[1]);
        long length = -1;
        boolean chunked = false;
        boolean closes = parts[0].equals("HTTP/1.0");
        int headerBytes = 0;
        String header;
        while ((header = line()) != null && !header.isEmpty()) {
            headerBytes += header.length();
            if (headerBytes > MAX_HEADER_BYTES) throw new IOException("headers over " + MAX_HEADER_BYTES + " bytes");
            int colon = header.indexOf(':');
            if (colon < 0) continue;
            var name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> length = Long.parseLong(header.substring(colon + 1).trim());
                case "transfer-encoding" -> chunked = header.substring(colon + 1).toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> {
                    var value = header.substring(colon + 1).toLowerCase(Locale.ROOT);
                    closes = value.contains("close") || (closes && !value.contains("keep-alive"));
                }
                default -> { }
            }
        }
        if (status == 204 || status == 304 || status / 100 == 1) return new Answer(status, closes);
        if (chunked) {
            while (true) {
                var size = line();
                if (size == null) throw new IOException("the answer ended inside a chunk");
                int semicolon = size.indexOf(';');
                long chunk = Long.parseLong((semicolon >= 0 ? size.substring(0, semicolon) : size).trim(), 16);
                if (chunk == 0) {
                    while ((header = line()) != null && !header.isEmpty()) { } // trailers
                    return new Answer(status, closes);
                }
                skip(chunk);
                line();
            }
        }
        if (length >= 0) {
            skip(length);
            return new Answer(status, closes);
        }
        while (fill()) position = limit; // no stated length: the body ends when the server closes
        return new Answer(status, true);
    }

    private boolean fill() throws IOException {
        if (position < limit) return true;
        int read = in.read(buffer);
        if (read < 0) return false;
        position = 0;
        limit = read;
        begun |= read > 0;
        return true;
    }

    /** Whether nothing of the answer last asked for came before it ended or failed. */
    boolean untouched() {
        return !begun;
    }

    private void skip(long count) throws IOException {
        long left = count;
        while (left > 0) {
            if (!fill()) throw new IOException("the answer ended " + left + " bytes short");
            int taken = (int) Math.min(left, limit - position);
            position += taken;
            left -= taken;
        }
    }

    /** One CRLF-terminated line without its terminator; null at the end of the stream. */
    private String line() throws IOException {
        StringBuilder spill = null;
        while (true) {
            if (!fill()) return spill == null ? null : spill.toString();
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    int end = i > position && buffer[i - 1] == '\r' ? i - 1 : i;
                    var text = new String(buffer, position, end - position, StandardCharsets.ISO_8859_1);
                    position = i + 1;
                    if (spill == null) return text;
                    spill.append(text);
                    int last = spill.length() - 1;
                    if (last >= 0 && spill.charAt(last) == '\r') spill.setLength(last);
                    return spill.toString();
                }
            }
            // The line goes on past the buffer: keep what we have and read more.
            if (spill == null) spill = new StringBuilder();
            spill.append(new String(buffer, position, limit - position, StandardCharsets.ISO_8859_1));
            if (spill.length() > MAX_HEADER_BYTES) throw new IOException("a line over " + MAX_HEADER_BYTES + " bytes");
            position = limit;
        }
    }
}
