package dev.tend.logs;

import dev.tend.docker.DockerEngineClient;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A container's logs through the Docker Engine API ({@code /containers/{name}/logs} with
 * timestamps, and {@code since} when only recent lines are wanted), written as Docker's json-file
 * lines ({@code {"log", "stream", "time"}}) so they are read like any json-file log. A container
 * without a TTY answers in Docker's multiplexed frames (an 8-byte header per write: stream and
 * length), which are taken apart here.
 */
public final class ContainerLogs {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ContainerLogs() {}

    /**
     * Fetches the logs into {@code file}: from {@code since} (whole seconds, as the engine takes it),
     * and of those only the lines stamped after {@code after} (Docker's nanosecond time: an
     * incremental read counts nothing twice). Returns the newest line's time, or null when none came.
     * Throws {@link LogSources.Unreadable} with what the engine said when it cannot.
     */
    public static Instant fetch(Path socket, String container, Instant since, Instant after, Duration timeout, Path file) throws LogSources.Unreadable {
        var raw = file.resolveSibling(file.getFileName() + ".raw");
        try (var client = new DockerEngineClient(socket)) {
            var name = URLEncoder.encode(container, StandardCharsets.UTF_8);
            var inspect = client.get("/containers/" + name + "/json", timeout);
            if (inspect.status() == 404) throw new LogSources.Unreadable("no container named " + container + " on " + socket);
            if (inspect.status() != 200 || inspect.body() == null) {
                throw new LogSources.Unreadable("the Docker engine at " + socket + " answered HTTP " + inspect.status() + " for container " + container);
            }
            boolean tty = inspect.body().path("Config").path("Tty").asBoolean();
            var download = client.download("/containers/" + name + "/logs?stdout=1&stderr=1&timestamps=1"
                    + (since == null ? "" : "&since=" + since.getEpochSecond()), timeout, raw);
            if (download.status() != 200) throw new LogSources.Unreadable("the Docker engine answered HTTP " + download.status() + " for the logs of " + container);
            try (var in = Files.newInputStream(raw); var out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                var lines = new Lines(out, after);
                if (tty) lines.plain(in, "stdout"); else lines.frames(in);
                return lines.latest;
            }
        } catch (LogSources.Unreadable e) {
            throw e;
        } catch (Exception e) {
            throw new LogSources.Unreadable("cannot read the logs of container " + container + " from " + socket + ": " + dev.tend.check.Failures.describe(e));
        } finally {
            try {
                Files.deleteIfExists(raw);
            } catch (IOException ignored) {
                // a temp file left in the temp directory is harmless
            }
        }
    }

    /** Writes json-file lines, skipping those not after {@code after}; keeps the newest time written. */
    private static final class Lines {
        private final java.io.OutputStream out;
        private final Instant after;
        Instant latest;

        Lines(java.io.OutputStream out, Instant after) {
            this.out = out;
            this.after = after;
        }

        /** Multiplexed: [stream, 0, 0, 0, length (4 bytes, big-endian)] then the bytes of one write. */
        void frames(InputStream raw) throws IOException {
            var in = new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 16));
            var pending = new StringBuilder[] {new StringBuilder(), new StringBuilder(), new StringBuilder()};
            while (true) {
                int stream;
                try {
                    stream = in.readUnsignedByte();
                } catch (EOFException end) {
                    break;
                }
                in.skipNBytes(3);
                int length = in.readInt();
                var payload = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                var buffer = pending[Math.min(2, Math.max(1, stream))];
                buffer.append(payload);
                int newline;
                while ((newline = buffer.indexOf("\n")) >= 0) {
                    write(buffer.substring(0, newline), stream == 2 ? "stderr" : "stdout");
                    buffer.delete(0, newline + 1);
                }
            }
            for (int stream = 1; stream <= 2; stream++) {
                if (!pending[stream].isEmpty()) write(pending[stream].toString(), stream == 2 ? "stderr" : "stdout");
            }
        }

        void plain(InputStream raw, String stream) throws IOException {
            try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(raw, StandardCharsets.UTF_8), 1 << 16)) {
                String line;
                while ((line = reader.readLine()) != null) write(line, stream);
            }
        }

        /** One line as json-file writes it; the timestamp Docker put in front becomes its time. */
        private void write(String line, String stream) throws IOException {
            int space = line.indexOf(' ');
            var time = space > 0 && Character.isDigit(line.charAt(0)) ? line.substring(0, space) : null;
            Instant at = null;
            if (time != null) {
                try {
                    at = Instant.parse(time);
                } catch (java.time.format.DateTimeParseException notATime) {
                    time = null;
                }
            }
            if (after != null && at != null && !at.isAfter(after)) return;
            if (at != null && (latest == null || at.isAfter(latest))) latest = at;
            var text = time != null ? line.substring(space + 1) : line;
            ObjectNode node = JSON.createObjectNode();
            node.put("log", (text.endsWith("\r") ? text.substring(0, text.length() - 1) : text) + "\n");
            node.put("stream", stream);
            if (time != null) node.put("time", time);
            out.write(JSON.writeValueAsBytes(node));
            out.write('\n');
        }
    }
}
