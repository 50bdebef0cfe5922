package dev.tend.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.testing.LoggingNginx;
import dev.tend.testing.TendCli;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rotation under a writer that never pauses: by rename with a real nginx reopening on USR1, and by copytruncate; then retention by age. */
class LogRotationTest {
    private static final Pattern SEQUENCE = Pattern.compile("/seq/(\\d+) ");
    @TempDir
    Path directory;

    @Test
    void renameAndUsr1UnderAContinuousWriterLoseNothingAndDoubleNothing() throws Exception {
        try (var nginx = LoggingNginx.start(directory.resolve("nginx"))) {
            var config = config("""
                    logs:
                      - name: web
                        files: ["nginx/logs/access.log"]
                        rotate: { maxSize: 2KB, reopen: { pidFile: nginx/nginx.pid, signal: USR1 }, keep: 50 }
                    """);
            var sent = new AtomicInteger();
            var stop = new AtomicBoolean();
            var writer = Thread.ofPlatform().start(() -> {
                try {
                    while (!stop.get()) {
                        get(URI.create(nginx.url("/seq/" + sent.get())));
                        sent.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            int rotations = 0;
            for (int round = 0; round < 6; round++) {
                int target = sent.get() + 40;
                while (sent.get() < target) Thread.sleep(5);
                var run = TendCli.run(Clock.systemUTC(), config, "logs", "rotate", "web");
                assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
                if (run.out().contains("rotate ")) rotations++;
                assertThat(run.out()).contains("to reopen with SIGUSR1");
            }
            int target = sent.get() + 40;
            while (sent.get() < target) Thread.sleep(5);
            stop.set(true);
            writer.join(10_000);
            Thread.sleep(200); // the last lines reach the file

            var seen = sequences(directory.resolve("nginx/logs"));
            assertThat(rotations).isEqualTo(6);
            assertThat(seen).as("every request exactly once across current and rotated files").containsExactlyElementsOf(range(sent.get()));
            assertThat(directory.resolve("nginx/logs/access.log.6")).exists();
        }
    }

    /**
     * One GET on a connection of its own, read to its end. Not an HTTP client, which may send a GET
     * again on its own when its kept connection fails — nginx would log it twice, and a sequence
     * number was once seen twice with one. A request per connection cannot be repeated behind the
     * test's back, so a double here is the rotation's.
     */
    private static void get(URI url) throws java.io.IOException {
        try (var socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(url.getHost(), url.getPort()), 2_000);
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("GET " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            var answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            if (!answer.startsWith("HTTP/1.1 ")) throw new java.io.IOException("no answer to " + url + ": " + answer);
        }
    }

    @Test
    void copytruncateCarriesWhatWasWrittenDuringTheCopyAndNothingIsDoubled() throws Exception {
        var log = Files.createDirectories(directory.resolve("app")).resolve("app.log");
        Files.createFile(log);
        var config = config("""
                logs:
                  - { name: app, files: ["app/app.log"], rotate: { maxSize: 1B, method: copytruncate } }
                """);
        var written = new AtomicInteger();
        var stop = new AtomicBoolean();
        var writer = Thread.ofPlatform().start(() -> {
            try (var out = new java.io.FileOutputStream(log.toFile(), true)) { // O_APPEND: after a truncation, writes go to the new end
                while (!stop.get()) {
                    out.write(("GET /seq/" + written.get() + " 200\n").getBytes());
                    written.incrementAndGet();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long carried = 0;
        for (int round = 0; round < 5; round++) {
            Thread.sleep(20);
            var run = TendCli.run(Clock.systemUTC(), config, "logs", "rotate", "app", "--json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            carried += run.json().path("gapLines").asLong();
        }
        stop.set(true);
        writer.join(10_000);

        var seen = sequences(directory.resolve("app"));
        assertThat(seen).as("no line twice").doesNotHaveDuplicates();
        int lost = written.get() - seen.size();
        // What copytruncate can lose is what the writer wrote in the instant between the last look at
        // the gap and the truncation: one unbroken run of lines per rotation, never lines here and there.
        // (How many depends on the machine's scheduling, so the count itself is printed, not judged.)
        var present = new java.util.BitSet();
        seen.forEach(present::set);
        int runs = 0;
        int sequence = present.nextClearBit(0);
        while (sequence < written.get()) {
            runs++;
            int next = present.nextSetBit(sequence); // where this run of lost lines ends
            if (next < 0) break;
            sequence = present.nextClearBit(next);
        }
        assertThat(runs).as("runs of lost lines (" + lost + " lines, " + carried + " carried over from the copies' gaps)").isLessThanOrEqualTo(5);
        System.out.printf("copytruncate under a writer: %d lines written, %d carried over from the copy's gap, %d lost%n", written.get(), carried, lost);
    }

    @Test
    void rotatedFilesAreCompressedAfterSevenDaysAndDeletedAfterThirty() throws Exception {
        var logs = Files.createDirectories(directory.resolve("logs"));
        Files.writeString(logs.resolve("app.log"), "today\n");
        Files.writeString(logs.resolve("app.log.1"), "last week\n");
        Files.writeString(logs.resolve("app.log.2"), "last month\n");
        var now = Instant.now();
        Files.setLastModifiedTime(logs.resolve("app.log.1"), FileTime.from(now.minus(Duration.ofDays(8))));
        Files.setLastModifiedTime(logs.resolve("app.log.2"), FileTime.from(now.minus(Duration.ofDays(31))));
        var config = config("""
                logs:
                  - { name: app, files: ["logs/app.log"], rotate: { every: 365d, method: copytruncate, compressAfter: 7d, deleteAfter: 30d } }
                """);
        var dry = TendCli.run(Clock.fixed(now, java.time.ZoneOffset.UTC), config, "logs", "rotate", "app", "--dry-run");
        assertThat(dry.out()).contains("keep " + logs.resolve("app.log") + " (6 bytes; not due)", "would compress " + logs.resolve("app.log.1") + " (8 days old)",
                "would delete " + logs.resolve("app.log.2") + " (31 days old)");
        assertThat(logs.resolve("app.log.2")).exists();

        assertThat(TendCli.run(Clock.fixed(now, java.time.ZoneOffset.UTC), config, "logs", "rotate", "app").exitCode()).isZero();
        assertThat(logs.resolve("app.log.2")).doesNotExist();
        try (var in = new GZIPInputStream(Files.newInputStream(logs.resolve("app.log.1.gz")))) {
            assertThat(new String(in.readAllBytes())).isEqualTo("last week\n");
        }
    }

    @Test
    void rotationAndCleanupAreRunbookStepsAndSchedulesAndTheirNamesAreChecked() throws Exception {
        var logs = Files.createDirectories(directory.resolve("logs"));
        Files.writeString(logs.resolve("app.log"), "a line\n");
        var tmp = Files.createDirectories(directory.resolve("scratch"));
        Files.writeString(tmp.resolve("old.tmp"), "x");
        Files.setLastModifiedTime(tmp.resolve("old.tmp"), FileTime.from(Instant.now().minus(Duration.ofDays(9))));
        var config = config("""
                logs:
                  - { name: app, files: ["logs/app.log"], rotate: { every: 7d, method: copytruncate } }
                cleanup:
                  - { name: scratch, path: "%s", olderThan: 7d }
                people:
                  - { name: admin, roles: [System Administrator] }
                runbooks:
                  - name: weekly
                    steps:
                      - { name: rotate-logs, run: logs.rotate app }
                      - { name: clean-scratch, run: cleanup scratch }
                schedules:
                  - { name: weekly-rotation, run: logs.rotate app --force, cron: "0 3 * * SUN" }
                """.formatted(tmp));
        var run = TendCli.run(Clock.systemUTC(), config, "runbook", "run", "weekly", "--as", "admin");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("rotate " + logs.resolve("app.log") + " → app.log.1 (never rotated, copytruncate)",
                "1 of 1 matching in " + tmp + " deleted, 1 bytes freed");
        assertThat(logs.resolve("app.log.1")).hasContent("a line\n");
        assertThat(tmp.resolve("old.tmp")).doesNotExist();

        Files.writeString(config, Files.readString(config).replace("run: cleanup scratch", "run: cleanup scratc"));
        var wrong = TendCli.run(Clock.systemUTC(), config, "validate");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("cleanup: no cleanup rule named 'scratc'");
    }

    @Test
    void theRotationCheckSaysWhenRotationIsNotHappeningUntilTendRotates() throws Exception {
        var logs = Files.createDirectories(directory.resolve("logs"));
        Files.writeString(logs.resolve("app.log"), "today\n");
        Files.writeString(logs.resolve("app.log.1"), "three weeks ago\n");
        Files.writeString(logs.resolve("app.log.2.gz"), "");
        var now = Instant.now();
        Files.setLastModifiedTime(logs.resolve("app.log.1"), FileTime.from(now.minus(Duration.ofDays(20))));
        Files.setLastModifiedTime(logs.resolve("app.log.2.gz"), FileTime.from(now.minus(Duration.ofDays(40))));
        var config = config("""
                logs:
                  - { name: app, files: ["logs/app.log"], rotate: { every: 7d, method: copytruncate, compressAfter: 7d, deleteAfter: 30d } }
                """);
        var clock = Clock.fixed(now, java.time.ZoneOffset.UTC);
        var before = TendCli.run(clock, config, "check", "--target", "logs:app", "--json").json().path("results");
        assertThat(before).singleElement().satisfies(result -> {
            assertThat(result.path("check").asString()).isEqualTo("rotation");
            assertThat(result.path("status").asString()).isEqualTo("WARN");
            assertThat(result.path("reason").asString()).isEqualTo("app.log was last rotated 20 days ago (every 7 days); "
                    + "1 rotated files of app.log are past compressAfter and not compressed; 1 rotated files of app.log are past deleteAfter and still there"
                    + " — tend logs rotate app");
        });
        assertThat(TendCli.run(clock, config, "logs", "rotate", "app").exitCode()).isZero();
        var after = TendCli.run(clock, config, "check", "--target", "logs:app", "--json").json().path("results").get(0);
        assertThat(after.path("status").asString()).as(after.toString()).isEqualTo("OK");
        assertThat(after.path("reason").asString()).isEqualTo("rotation as configured: 2 rotated files, retention held");
    }

    @Test
    void theRunbookTemplatesAutomateErrorLogReviewRotationAndCleanupWhenTheConfigHasThem() throws Exception {
        Files.createDirectories(directory.resolve("logs"));
        Files.writeString(directory.resolve("logs/app.log"), "x\n");
        var config = config("""
                logs:
                  - { name: app, files: ["logs/app.log"], check: {}, rotate: { every: 7d, method: copytruncate } }
                cleanup:
                  - { name: scratch, path: "%s", olderThan: 7d }
                runbooks:
                  - { name: daily, template: daily }
                  - { name: weekly, template: weekly }
                """.formatted(directory.resolve("scratch")));
        var daily = TendCli.run(Clock.systemUTC(), config, "runbook", "run", "daily", "--dry-run");
        assertThat(daily.out()).as(daily.err()).contains("error-log-review: check logs:app (online, timeout 1h 0m) (on failure: continue)")
                .doesNotContain("Review logs for critical errors");
        var weekly = TendCli.run(Clock.systemUTC(), config, "runbook", "run", "weekly", "--dry-run");
        assertThat(weekly.out()).contains("log-rotation-app: logs.rotate app", "cleanup-scratch: cleanup scratch")
                .doesNotContain("Ensure logs are properly rotated");
    }

    @Test
    void aRenameWithoutAWayToReopenIsRefused() throws Exception {
        var config = config("""
                logs:
                  - { name: app, files: ["logs/app.log"], rotate: { maxSize: 100MB } }
                """);
        var run = TendCli.run(Clock.systemUTC(), config, "validate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("logs[0].rotate: a renamed file stays the writer's until it reopens: give reopen: {pidFile, signal}, or method: copytruncate");
    }

    private Path config(String logs) throws Exception {
        return Files.writeString(directory.resolve("tend.yaml"), """
                platform: { name: Lab }
                targets:
                  - { name: api, type: tcp, address: "127.0.0.1:1" }
                store: { path: "%s" }
                """.formatted(directory.resolve("tend.db")) + logs);
    }

    private static List<Integer> sequences(Path logs) throws Exception {
        var numbers = new ArrayList<Integer>();
        try (var files = Files.list(logs)) {
            for (var file : files.toList()) {
                for (var line : Files.readAllLines(file)) {
                    var match = SEQUENCE.matcher(line);
                    if (match.find()) numbers.add(Integer.parseInt(match.group(1)));
                }
            }
        }
        numbers.sort(Integer::compareTo);
        return numbers;
    }

    private static List<Integer> range(int count) {
        return java.util.stream.IntStream.range(0, count).boxed().toList();
    }

}
