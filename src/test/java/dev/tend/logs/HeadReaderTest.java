package dev.tend.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.logs.analyze.LogAnalyzer;
import dev.tend.logs.format.LogFormat;
import dev.tend.logs.format.PlainFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain logs are read in bytes, most lines never becoming text: the report must be exactly the one
 * the text path (a reader of lines, every line parsed) gives — on files with every kind of line:
 * records of each level with and without memory words, tracebacks, lines without a time, blank
 * lines, non-ASCII text, \r\n and lone \r endings, a line longer than the read buffer, no newline
 * at the end, gzip.
 */
class HeadReaderTest {
    @TempDir
    Path directory;

    private static final List<String> LINES = List.of("2026-11-30 12:00:0%d,%03d - hub.api - INFO - GET /api/v1/datasets/%d 200 in %d ms",
            "2026-11-30 12:00:0%d,%03d - hub.api - ERROR - Dataset %d not found (%d)", "2026-11-30 12:00:0%d,%03d - hub.api - WARNING - slow %d %d",
            "2026-11-30 12:00:0%d,%03d - hub.worker - CRITICAL - Worker %d was OOM killed (exit code 137) %d",
            "2026-11-30 12:00:0%d,%03d - hub.api - INFO - memory at %d%% of %d", "Traceback (most recent call last): %d %d %d %d",
            "  File \"app.py\", line %d, in run %d %d %d", "MemoryError %d %d %d %d", "ERROR: no time here %d %d %d %d", "", "   ",
            "2026-11-30 12:00:0%d,%03d - hub.api - INFO - Grüße aus Köln %d %d", "[2026-11-30T12:00:0%dZ] [error] %03d upstream %d timed out %d",
            "just words %d %d %d %d", "2026-11-30 12:00:0%d,%03d - hub.api - ERROR - Killed process %d (python) total-vm:%dkB",
            "2026-11-30 12:00:0%d,%03d INFO no separators %d %d");

    @Test
    void theReportEqualsTheTextPathsOnEveryKindOfLine() throws Exception {
        var random = new Random(20261201);
        for (int file = 0; file < 30; file++) {
            var text = new StringBuilder();
            int count = 1 + random.nextInt(400);
            for (int line = 0; line < count; line++) {
                var template = LINES.get(random.nextInt(LINES.size()));
                text.append(template.formatted(random.nextInt(10), random.nextInt(1000), random.nextInt(100_000), random.nextInt(900)));
                text.append(switch (random.nextInt(10)) {
                    case 0 -> "\r\n";
                    case 1 -> "\r";
                    default -> "\n";
                });
            }
            if (file == 7) text.append("2026-11-30 12:00:09,999 - hub.api - ERROR - ").append("x".repeat(3 << 20)).append('\n');
            if (random.nextBoolean()) text.append("2026-11-30 12:00:09,999 - hub.api - ERROR - the last line has no newline");
            var bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            var path = directory.resolve("app-" + file + (file % 5 == 4 ? ".log.gz" : ".log"));
            Files.write(path, file % 5 == 4 ? gzip(bytes) : bytes);
            for (var since : new Instant[] {null, Instant.parse("2026-11-30T12:00:05Z")}) {
                var options = new LogAnalyzer.Options(since, file % 3 == 0 ? LogLevel.WARN : LogLevel.ERROR, Duration.ofSeconds(1));
                var heads = LogAnalyzer.analyze("app", List.of(path), new PlainFormat(ZoneOffset.UTC), options, template -> false, Instant.EPOCH);
                var lines = LogAnalyzer.analyze("app", List.of(path), textOnly(new PlainFormat(ZoneOffset.UTC)), options, template -> false, Instant.EPOCH);
                assertThat(heads).as("file %d since %s", file, since).isEqualTo(lines);
            }
        }
    }

    /** The same format without heads: every line read as text and parsed, as before bytes were read. */
    private static LogFormat textOnly(PlainFormat plain) {
        return new LogFormat() {
            @Override
            public String name() {
                return plain.name();
            }

            @Override
            public LogEvent parse(long line, String record) {
                return plain.parse(line, record);
            }

            @Override
            public boolean continues(String line) {
                return plain.continues(line);
            }
        };
    }

    private static byte[] gzip(byte[] bytes) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }
}
