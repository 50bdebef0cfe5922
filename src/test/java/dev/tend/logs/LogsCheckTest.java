package dev.tend.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.testing.TendCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A log source watched as target logs:NAME by tend check: what was written since the last round, judged; the daily item ticked by it. */
class LogsCheckTest {
    private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");
    @TempDir
    Path directory;
    private Path config;
    private Path log;

    @BeforeEach
    void setUp() throws Exception {
        log = Files.createDirectories(directory.resolve("logs")).resolve("app.log");
        Files.writeString(log, line("INFO", "started") + line("ERROR", "an error from before Tend watched"));
        config = Files.writeString(directory.resolve("tend.yaml"), """
                platform: { name: Lab, timezone: UTC }
                targets:
                  - { name: api, type: tcp, address: "127.0.0.1:1" }
                logs:
                  - { name: app, files: ["logs/app.log"], check: { errorsPerMinute: { warn: 1, crit: 10 } } }
                people:
                  - { name: alice, roles: [System Administrator] }
                checklists:
                  - { name: daily, template: daily, evidence: { error-logs: { check: "logs:app" } } }
                store: { path: "%s" }
                """.formatted(directory.resolve("tend.db")));
    }

    @Test
    void eachRoundJudgesWhatWasWrittenSinceTheLastAndTheDailyItemIsTickedByACleanRound() throws Exception {
        var first = check(T0);
        assertThat(first.values()).allSatisfy(result -> assertThat(result.path("status").asString()).isEqualTo("OK"));
        assertThat(first.get("errors").path("reason").asString()).isEqualTo("started reading 1 file at their end; the next check counts what is written from now on");

        append(line("ERROR", "Database connection failed: timeout after 30s to 10.0.0.5:5432"),
                line("ERROR", "Database connection failed: timeout after 7s to 10.0.0.6:5432"), line("INFO", "GET / 200"),
                line("ERROR", "Worker 42 killed: Out of memory"));
        var second = check(T0.plusSeconds(300));
        assertThat(second.get("errors").path("status").asString()).isEqualTo("OK");
        assertThat(second.get("errors").path("reason").asString()).startsWith("3 errors in the last 5 min (0.6/min): 2× Database connection failed");
        assertThat(second.get("new-patterns").path("status").asString()).isEqualTo("WARN");
        assertThat(second.get("new-patterns").path("reason").asString()).startsWith("2 new error patterns: 'Database connection failed: timeout after <DUR> to <IP>'");
        assertThat(second.get("memory").path("status").asString()).isEqualTo("CRIT");
        assertThat(second.get("memory").path("reason").asString()).isEqualTo("1 line of memory trouble: Worker 42 killed: Out of memory");

        var burst = new String[60];
        java.util.Arrays.fill(burst, line("ERROR", "Database connection failed: timeout after 9s to 10.0.0.7:5432"));
        append(burst);
        var third = check(T0.plusSeconds(600));
        assertThat(third.get("errors").path("status").asString()).isEqualTo("CRIT");
        assertThat(third.get("errors").path("reason").asString()).startsWith("60 errors in the last 5 min (12.0/min; CRIT at 10/min)");
        assertThat(third.get("new-patterns").path("status").asString()).as("seen the round before").isEqualTo("OK");
        assertThat(third.get("memory").path("status").asString()).isEqualTo("OK");
        assertThat(item(T0.plusSeconds(600)).path("state").asString()).isEqualTo("OPEN");

        var quiet = check(T0.plusSeconds(900));
        assertThat(quiet.values()).allSatisfy(result -> assertThat(result.path("status").asString()).isEqualTo("OK"));
        assertThat(item(T0.plusSeconds(900)).path("how").asString()).isEqualTo("evidence: check logs:app OK at 2026-11-30T08:15:00Z");
    }

    private Map<String, JsonNode> check(Instant at) {
        var run = tend(at, "check", "--target", "logs:app", "--json");
        var results = new HashMap<String, JsonNode>();
        JsonMapper.builder().build().readTree(run.out()).path("results").forEach(result -> results.put(result.path("check").asString(), result));
        assertThat(results).as(run.out() + run.err()).containsOnlyKeys("errors", "new-patterns", "memory", "slow-requests");
        return results;
    }

    private JsonNode item(Instant at) {
        var run = tend(at, "checklist", "show", "daily", "--json");
        for (var row : JsonMapper.builder().build().readTree(run.out()).path("items")) {
            if (row.path("id").asString().equals("error-logs") && !row.path("state").asString().equals("OVERDUE")) return row;
        }
        throw new AssertionError(run.out());
    }

    private void append(String... lines) throws Exception {
        Files.writeString(log, String.join("", lines), StandardOpenOption.APPEND);
    }

    private static String line(String level, String message) {
        return "2026-11-30 08:00:00,000 - hub - " + level + " - " + message + "\n";
    }


    private TendCli.Run tend(Instant at, String... args) {
        return TendCli.run(Clock.fixed(at, ZoneOffset.UTC), config, args);
    }
}
