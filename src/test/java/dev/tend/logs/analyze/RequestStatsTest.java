package dev.tend.logs.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.logs.LogEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requests are counted by endpoint with ids masked, by status class, and only the slow ones are written out as examples. */
class RequestStatsTest {
    private static final Instant AT = Instant.parse("2026-11-30T12:00:01.250Z");

    @Test
    void endpointsMaskIdsAndLeaveWordsAndQueriesOut() {
        var stats = new RequestStats(Duration.ofSeconds(1));
        for (var path : List.of("/api/v1/datasets/118", "/api/v1/datasets/7?page=2/3", "/api/v1/datasets/0f8fad5b-d9cb-469f-a165-70867728950e",
                "/files/deadbeef01/raw", "/files/report2026x/raw", "/files/abc/raw", "/", "")) {
            stats.add(new LogEvent.Request("GET", path, 200, Duration.ofMillis(5)), AT);
        }
        assertThat(stats.result().endpoints()).extracting(LogReport.Endpoint::endpoint).containsExactlyInAnyOrder("GET /api/v1/datasets/<id>",
                "GET /files/<id>/raw", "GET /files/abc/raw", "GET /", "GET ");
        assertThat(stats.result().endpoints()).filteredOn(endpoint -> endpoint.endpoint().equals("GET /api/v1/datasets/<id>"))
                .extracting(LogReport.Endpoint::count).containsExactly(3L);
    }

    @Test
    void statusClassesAndSlowExamples() {
        var stats = new RequestStats(Duration.ofSeconds(1));
        stats.add(new LogEvent.Request("GET", "/a", 200, Duration.ofMillis(1500)), AT);
        stats.add(new LogEvent.Request("GET", "/a", 503, Duration.ofMillis(1000)), AT);
        stats.add(new LogEvent.Request("GET", "/a", 0, Duration.ofMillis(2500)), null);
        stats.add(new LogEvent.Request("POST", "/a", 404, null), AT);
        var result = stats.result();
        assertThat(result.total()).isEqualTo(4);
        assertThat(result.slow()).isEqualTo(2); // 1 s itself is not over the threshold
        assertThat(result.statusClasses()).isEqualTo(Map.of("2xx", 1L, "5xx", 1L, "other", 1L, "4xx", 1L));
        var get = result.endpoints().stream().filter(endpoint -> endpoint.endpoint().equals("GET /a")).findFirst().orElseThrow();
        assertThat(get.slowest()).containsExactly("2500.0 ms: GET /a 0", "1500.0 ms: GET /a 200 at 2026-11-30T12:00:01Z");
        assertThat(get.maxMs()).isEqualTo(2500.0);
    }

    @Test
    void theSlowestKeptAreTheSlowestAndOfEqualOnesTheEarliest() {
        var stats = new RequestStats(Duration.ofSeconds(1));
        for (int second = 0; second < 6; second++) {
            stats.add(new LogEvent.Request("GET", "/b", 200, Duration.ofMillis(second == 4 ? 3000 : 2000)), AT.plusSeconds(second));
        }
        assertThat(stats.result().endpoints().getFirst().slowest()).containsExactly("3000.0 ms: GET /b 200 at 2026-11-30T12:00:05Z",
                "2000.0 ms: GET /b 200 at 2026-11-30T12:00:01Z", "2000.0 ms: GET /b 200 at 2026-11-30T12:00:02Z");
    }
}
