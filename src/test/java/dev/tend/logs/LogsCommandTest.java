package dev.tend.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.testing.TendCli;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** tend logs analyze and patterns as a user runs them: a configured source with its rotated set, new patterns, bad input. */
class LogsCommandTest {
    private static final Instant NOW = Instant.parse("2026-11-30T13:00:00Z");
    @TempDir
    Path directory;
    private Path config;


    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(directory.resolve("logs"));
        config = Files.writeString(directory.resolve("tend.yaml"), """
                platform: { name: Lab, timezone: UTC }
                targets:
                  - { name: api, type: tcp, address: "127.0.0.1:1" }
                logs:
                  - { name: app, files: ["logs/app.log"] }
                store: { path: "%s" }
                """.formatted(directory.resolve("tend.db")));
        gzip(directory.resolve("logs/app.log.2.gz"), lines(10, 0, "Database connection failed: timeout after 30s to 10.0.0.5:5432"));
        Files.writeString(directory.resolve("logs/app.log.1"), lines(11, 0, "Database connection failed: timeout after 7s to 10.0.0.6:5432"));
        Files.writeString(directory.resolve("logs/app.log"), lines(12, 0, "Dataset 42 not found") + """
                2026-11-30 12:30:00,000 - hub.worker - ERROR - Unhandled exception in task embed-7
                Traceback (most recent call last):
                  File "/app/worker.py", line 42, in run
                MemoryError: Unable to allocate 2.1 GiB
                2026-11-30 12:31:00,000 - hub.api - INFO - GET /api/v1/datasets/7 200 in 12 ms
                """);
    }

    @Test
    void analyzeReadsTheRotatedSetOldestFirstAndMarksPatternsNewOnlyOnce() throws Exception {
        var first = tend("logs", "analyze", "app", "--since", "all", "--json");
        assertThat(first.exitCode()).as(first.err()).isEqualTo(1);
        var report = first.json();
        assertThat(report.path("inputs")).extracting(input -> Path.of(input.path("file").asString()).getFileName().toString())
                .containsExactly("app.log.2.gz", "app.log.1", "app.log");
        assertThat(report.path("format").asString()).isEqualTo("plain");
        assertThat(report.path("complete").asBoolean()).isTrue();
        assertThat(report.path("totals").path("continuations").asLong()).isEqualTo(3);
        var errors = byTemplate(report.path("errors"));
        assertThat(errors.get("Database connection failed: timeout after <DUR> to <IP>").path("count").asLong()).as("3 in .2.gz, 4 in .1").isEqualTo(7);
        assertThat(errors.get("Database connection failed: timeout after <DUR> to <IP>").path("first").asString()).isEqualTo("2026-11-30T01:00:00Z");
        assertThat(errors.get("Dataset <NUM> not found").path("isNew").asBoolean()).isTrue();
        assertThat(report.path("memory").get(0).path("template").asString()).isEqualTo("MemoryError: Unable to allocate <SIZE>");

        Files.writeString(directory.resolve("logs/app.log"), "2026-11-30 12:40:00,000 - hub.api - ERROR - Connection to 10.0.0.9:6379 refused\n",
                java.nio.file.StandardOpenOption.APPEND);
        var second = byTemplate(tend("logs", "analyze", "app", "--since", "all", "--json").json().path("errors"));
        assertThat(second.get("Dataset <NUM> not found").path("isNew").asBoolean()).as("seen by the first analysis").isFalse();
        assertThat(second.get("Connection to <IP> refused").path("isNew").asBoolean()).isTrue();

        var text = tend("logs", "analyze", "app", "--since", "1h");
        assertThat(text.out()).contains("Log source app: 3 files, format plain (detected: ", "records since 2026-11-30T12:00:00Z",
                "Error patterns (error and above): 2 lines in 2 patterns, 0 new since the last analysis",
                "Memory (out of memory, OOM kills, allocation failures, exit code 137): 1 line in 1 pattern")
                .doesNotContain("10.0.0.5");
    }

    @Test
    void aFileThatCannotBeReadMakesTheReportIncompleteNeverClean() throws Exception {
        Files.write(directory.resolve("logs/app.log.3.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3});
        var run = tend("logs", "analyze", "app", "--since", "all");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("NOT READ " + directory.resolve("logs/app.log.3.gz"), "INCOMPLETE: some input could not be read");
        assertThat(tend("logs", "analyze", "app", "--since", "all", "--json").json().path("complete").asBoolean()).isFalse();
    }

    @Test
    void wrongInputGetsAClearAnswer() {
        var unknown = tend("logs", "analyze", "ap");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no log source named 'ap' and no such file; sources: app");
        var since = tend("logs", "analyze", "app", "--since", "yesterday");
        assertThat(since.exitCode()).isEqualTo(2);
        assertThat(since.err()).contains("--since: 'yesterday' is not a duration such as 24h (or 'all')");
        var missing = tend("logs", "analyze", directory.resolve("nothing/*.log").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("no file matches " + directory.resolve("nothing/*.log"));
        var folder = tend("logs", "analyze", directory.resolve("logs").toString());
        assertThat(folder.exitCode()).isEqualTo(1);
        assertThat(folder.err()).contains(directory.resolve("logs") + " is a directory, not a log file: name its files, e.g. '"
                + directory.resolve("logs/*.log") + "'");
    }

    @Test
    void whatALogSaysReachesTheTerminalWithoutItsControlCharacters() throws Exception {
        // An escape sequence in a log line (a colour, a cursor move, a title change) must not act on the terminal reading the report.
        var file = directory.resolve("escapes.log");
        Files.writeString(file, "2026-11-30 12:00:00,001 - hub.api - ERROR - \u001b[2J\u001b]0;pwned\u0007Dataset 7 not found\n"
                + "\u001b[31mnot a record\n");
        var run = tend("logs", "analyze", file.toString(), "--since", "all");
        assertThat(run.out()).contains("Dataset <NUM> not found", "e.g.", "Read 2 lines: 1 record (with 1 continuation line), 0 lines no format understood; 1 record in all.")
                .doesNotContain("\u001b", "\u0007");
        var binary = directory.resolve("binary.log");
        Files.write(binary, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0x1b, '[', '2', 'J', '\n'});
        var refused = tend("logs", "analyze", binary.toString());
        assertThat(refused.err()).contains("cannot tell the format of", "first line: ").doesNotContain("\u001b", "\u007f");
    }

    @Test
    void eachLineGivesEveryInputLineItsPatternNumberedAcrossTheFiles() {
        var run = tend("logs", "patterns", "app", "--each-line");
        assertThat(run.exitCode()).as(run.err()).isZero();
        var rows = run.out().lines().map(line -> JsonMapper.builder().build().readTree(line)).toList();
        assertThat(rows).as("10 + 11 + 17 lines").hasSize(38);
        assertThat(rows).extracting(row -> row.path("line").asLong()).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 38).boxed().toList());
        assertThat(rows.get(0).path("pattern").asString()).as("the first lines of two files").isEqualTo(rows.get(10).path("pattern").asString());
        assertThat(rows.get(1).path("pattern").asString()).isNotEqualTo(rows.get(0).path("pattern").asString());
        var listed = tend("logs", "patterns", "app", "--json").json();
        assertThat(listed.path("lines").asLong()).isEqualTo(38);
        assertThat(listed.path("patterns").get(0).path("template").asString()).isEqualTo("GET <PATH> <NUM> in <DUR>");
    }

    /** Ten lines an hour apart on the given day's hours, INFO but every third at ERROR with the message. */
    private static String lines(int count, int unused, String error) {
        var text = new StringBuilder();
        for (int index = 0; index < count; index++) {
            var at = Instant.parse("2026-11-30T00:00:00Z").plusSeconds(3600L * index);
            var stamp = at.toString().replace("T", " ").replace("Z", ",000");
            text.append(stamp).append(index % 3 == 1 ? " - hub.api - ERROR - " + error : " - hub.api - INFO - GET /api/v1/datasets/" + index + " 200 in 12 ms")
                    .append('\n');
        }
        return text.toString();
    }

    private static void gzip(Path file, String text) throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Files.write(file, bytes.toByteArray());
    }

    private static Map<String, JsonNode> byTemplate(JsonNode patterns) {
        var map = new HashMap<String, JsonNode>();
        patterns.forEach(pattern -> map.put(pattern.path("template").asString(), pattern));
        return map;
    }

    private TendCli.Run tend(String... args) {
        return TendCli.run(Clock.fixed(NOW, ZoneOffset.UTC), config, args);
    }
}
