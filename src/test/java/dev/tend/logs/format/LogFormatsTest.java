package dev.tend.logs.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.logs.LogLevel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each format read from lines as the software writes them, and told apart by detection. */
class LogFormatsTest {
    private static final ZoneId ZONE = ZoneOffset.UTC;

    @Test
    void nginxAndApacheAccessLogsWithAndWithoutRequestTime() {
        var format = new AccessLogFormat();
        var combined = format.parse(1, "203.0.113.7 - - [30/Nov/2026:12:00:01 +0000] \"GET /api/v1/datasets/42?x=1 HTTP/1.1\" 502 157 "
                + "\"-\" \"Mozilla/5.0 (X11; Linux x86_64)\" 1.204");
        assertThat(combined.at()).isEqualTo(Instant.parse("2026-11-30T12:00:01Z"));
        assertThat(combined.level()).isEqualTo(LogLevel.ERROR);
        assertThat(combined.request()).isEqualTo(new dev.tend.logs.LogEvent.Request("GET", "/api/v1/datasets/42?x=1", 502, Duration.ofMillis(1204)));
        var common = format.parse(2, "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326");
        assertThat(common.request().status()).isEqualTo(200);
        assertThat(common.request().duration()).isNull();
        assertThat(common.at()).isEqualTo(Instant.parse("2000-10-10T20:55:36Z"));
        var apacheMicros = format.parse(3, "10.0.0.1 - - [30/Nov/2026:12:00:01 +0100] \"POST /login HTTP/1.1\" 404 12 \"-\" \"curl/8.5\" 2500000");
        assertThat(apacheMicros.request().duration()).as("a whole number is Apache's %D").isEqualTo(Duration.ofMillis(2500));
        assertThat(apacheMicros.level()).isEqualTo(LogLevel.WARN);
        assertThat(format.parse(4, "2026/11/30 12:00:01 [error] 31#31: *1 connect() failed")).isNull();
    }

    @Test
    void postgresStderrWithTheDefaultPrefixAndWithASqlState() {
        var format = new PostgresFormat(ZONE);
        var error = format.parse(1, "2026-11-30 12:00:00.123 UTC [4711] ERROR:  deadlock detected");
        assertThat(error.level()).isEqualTo(LogLevel.ERROR);
        assertThat(error.at()).isEqualTo(Instant.parse("2026-11-30T12:00:00.123Z"));
        assertThat(error.message()).isEqualTo("deadlock detected");
        var prefixed = format.parse(2, "2026-11-30 12:00:00 CET [4711]: [3-1] user=app,db=hub,app=psql,client=10.0.0.4 42P01 ERROR:  relation \"x\" does not exist");
        assertThat(prefixed.sqlState()).isEqualTo("42P01");
        assertThat(prefixed.at()).isEqualTo(Instant.parse("2026-11-30T11:00:00Z"));
        var duration = format.parse(3, "2026-11-30 12:00:00.123 UTC [4711] LOG:  duration: 1204.250 ms  statement: SELECT *");
        assertThat(duration.level()).isEqualTo(LogLevel.INFO);
        assertThat(duration.statement().duration()).isEqualTo(Duration.ofNanos(1_204_250_000));
        assertThat(duration.continued("\tFROM datasets").statement().text()).isEqualTo("SELECT * FROM datasets");
        var extended = format.parse(4, "2026-11-30 12:00:00.123 UTC [4711] LOG:  duration: 0.050 ms  execute S_1: SELECT 1");
        assertThat(extended.statement().text()).isEqualTo("SELECT 1");
        assertThat(format.parse(5, "LOG:  no timestamp")).isNull();
    }

    @Test
    void postgresCsvlogWithAMessageOverSeveralLinesAndJsonlog() {
        var csv = new PostgresCsvFormat(ZONE);
        var record = "2026-11-30 12:00:00.123 UTC,\"app\",\"hub\",4711,\"10.0.0.4:51234\",6566a,3,\"SELECT\",2026-11-30 11:59:00 UTC,3/7,0,"
                + "ERROR,23505,\"duplicate key value violates unique constraint \"\"users_pkey\"\"\",\"Key (id)=(1)\nalready exists.\",,,,,"
                + "\"INSERT INTO users VALUES (1)\",,,\"psql\",\"client backend\",,0";
        var firstLine = record.substring(0, record.indexOf('\n'));
        assertThat(csv.incomplete(firstLine)).isTrue();
        var event = csv.parse(1, record);
        assertThat(event.sqlState()).isEqualTo("23505");
        assertThat(event.message()).isEqualTo("duplicate key value violates unique constraint \"users_pkey\"");
        var json = new PostgresJsonFormat(ZONE).parse(1, "{\"timestamp\":\"2026-11-30 12:00:00.123 UTC\",\"user\":\"app\",\"pid\":4711,"
                + "\"error_severity\":\"FATAL\",\"state_code\":\"53300\",\"message\":\"sorry, too many clients already\",\"backend_type\":\"client backend\"}");
        assertThat(json.level()).isEqualTo(LogLevel.FATAL);
        assertThat(json.severityWord()).isEqualTo("FATAL");
        assertThat(json.sqlState()).isEqualTo("53300");
    }

    @Test
    void jsonLinesDockerJsonFileAndPlainText() {
        var json = new JsonLinesFormat(ZONE).parse(1, "{\"ts\":1796040000.5,\"level\":\"error\",\"msg\":\"upload failed\",\"method\":\"POST\","
                + "\"path\":\"/api/v1/datasets\",\"status\":500,\"response_time\":1532}");
        assertThat(json.level()).isEqualTo(LogLevel.ERROR);
        assertThat(json.at()).isEqualTo(Instant.ofEpochMilli(1_796_040_000_500L));
        assertThat(json.request()).isEqualTo(new dev.tend.logs.LogEvent.Request("POST", "/api/v1/datasets", 500, Duration.ofMillis(1532)));

        var docker = List.of("{\"log\":\"2026-11-30 12:00:00,001 - hub.api - ERROR - upload failed\\n\",\"stream\":\"stderr\",\"time\":\"2026-11-30T12:00:00.0013Z\"}",
                "{\"log\":\"plain words with no level\\n\",\"stream\":\"stdout\",\"time\":\"2026-11-30T12:00:01.5Z\"}");
        var detected = LogFormats.detect(docker, ZONE).orElseThrow();
        assertThat(detected.format().name()).isEqualTo("docker-json+plain");
        var inner = detected.format().parse(1, docker.get(0));
        assertThat(inner.level()).isEqualTo(LogLevel.ERROR);
        assertThat(inner.message()).isEqualTo("upload failed");
        var bare = detected.format().parse(2, docker.get(1));
        assertThat(bare.at()).as("Docker's time when the line has none").isEqualTo(Instant.parse("2026-11-30T12:00:01.5Z"));
        assertThat(bare.message()).isEqualTo("plain words with no level");

        var plain = new PlainFormat(ZONE);
        assertThat(plain.parse(1, "2026-11-30 12:00:00.123 [main] ERROR dev.hub.App - it broke").message()).isEqualTo("dev.hub.App - it broke");
        assertThat(plain.parse(2, "[2026-11-30T12:00:00Z] [warning] disk at 81%").level()).isEqualTo(LogLevel.WARN);
        assertThat(plain.parse(3, "ERROR: no time, but a level").level()).isEqualTo(LogLevel.ERROR);
        assertThat(plain.parse(4, "just words")).isNull();
    }

    @Test
    void detectionPicksTheFormatThatUnderstandsMostOfTheSample() {
        assertThat(detect("10.0.0.1 - - [30/Nov/2026:12:00:01 +0000] \"GET / HTTP/1.1\" 200 612 \"-\" \"curl/8.5\" 0.001")).isEqualTo("nginx");
        assertThat(detect("2026-11-30 12:00:00.123 UTC [4711] LOG:  checkpoint starting: time")).isEqualTo("postgres");
        assertThat(detect("{\"timestamp\":\"2026-11-30 12:00:00.123 UTC\",\"error_severity\":\"LOG\",\"message\":\"checkpoint starting\"}"))
                .isEqualTo("postgres-json");
        assertThat(detect("{\"time\":\"2026-11-30T12:00:00Z\",\"level\":\"info\",\"msg\":\"started\"}")).isEqualTo("json");
        assertThat(detect("2026-11-30 12:00:00,123 - hub - INFO - started")).isEqualTo("plain");
        assertThat(LogFormats.detect(List.of("no format here", "nor here"), ZONE)).isEmpty();
    }

    private static String detect(String line) {
        return LogFormats.detect(List.of(line, line, line), ZONE).orElseThrow().format().name();
    }
}
