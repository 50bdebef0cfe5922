package dev.tend.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.check.CheckResult;
import dev.tend.check.Measurement;
import dev.tend.check.ResultHistory;
import dev.tend.check.Status;
import dev.tend.config.StoreSettings;
import dev.tend.store.Stores;
import dev.tend.testing.TendCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** tend forecast and the forecast checks over a store of raw results, rolled up by the command itself. */
class ForecastCliTest {
    private static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path directory;

    @Test
    void aVolumeGrowingTowardsEightyPercentIsForecastAndItsCheckWarns() throws Exception {
        var volume = Files.createDirectories(directory.resolve("data"));
        var config = hostConfig(volume);
        // 30 days of disk use, four samples a day, growing 0.6 points a day from 50%: 80% in about 21 days.
        var results = new ArrayList<CheckResult>();
        for (int ago = 29; ago >= 0; ago--) {
            for (int sample = 0; sample < 4; sample++) {
                double used = 50 + 0.6 * (29 - ago) + sample * 0.05;
                results.add(new CheckResult("host", "disk:" + volume, Status.OK, "disk", List.of(new Measurement("used", used, "%")),
                        NOW.minus(Duration.ofDays(ago)).minus(Duration.ofHours(8 - 2L * sample)), Duration.ofMillis(3)));
            }
        }
        try (var store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")))) {
            new ResultHistory(store).save(results);
        }

        var forecast = TendCli.run(CLOCK, config, "forecast", "--json");

        assertThat(forecast.exitCode()).as(forecast.err()).isEqualTo(1);
        var disk = only(forecast.json().path("forecasts"), "forecast:disk:" + volume);
        assertThat(disk.path("status").asString()).isEqualTo("WARN");
        assertThat(disk.path("days").asInt()).isEqualTo(30);
        assertThat(disk.path("trend30").path("perDay").asDouble()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(0.01));
        assertThat(disk.path("levels").get(1).path("level").asDouble()).isEqualTo(80.0);
        assertThat(disk.path("levels").get(1).path("date").asString()).isEqualTo("2027-03-22");
        assertThat(disk.path("reason").asString()).contains("80% around 2027-03-22 (in 21 days").endsWith("plan the expansion now");

        var table = TendCli.run(CLOCK, config, "forecast");
        assertThat(table.out()).contains("STATUS").contains("forecast:disk:" + volume).contains("2027-03-22")
                .contains("WARN host forecast:disk:" + volume + ": volume " + volume + " at 68%, +18.0 points a month");

        // The same forecast is a check of the host, so it raises an alert like any other.
        var check = TendCli.run(CLOCK, config, "check", "--json");
        var results2 = check.json().path("results");
        var forecastCheck = only(results2, "forecast:disk:" + volume);
        assertThat(forecastCheck.path("target").asString()).isEqualTo("host");
        assertThat(forecastCheck.path("status").asString()).isEqualTo("WARN");
        assertThat(forecastCheck.path("measurements").path("days_to_80").path("value").asDouble()).isEqualTo(21.0);
    }

    @Test
    void withoutHistoryThereIsNothingToForecastAndItSaysWhy() throws Exception {
        var config = hostConfig(directory);

        var run = TendCli.run(CLOCK, config, "forecast");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("no forecast yet");
    }

    @Test
    void aQuantityStillGatheringHistoryIsAnOkCheckNotAnAlert() throws Exception {
        var volume = Files.createDirectories(directory.resolve("new"));
        var config = hostConfig(volume);
        var results = new ArrayList<CheckResult>();
        for (int ago = 2; ago >= 0; ago--) {
            results.add(new CheckResult("host", "disk:" + volume, Status.OK, "disk", List.of(new Measurement("used", 40 + ago, "%")),
                    NOW.minus(Duration.ofDays(ago)).minus(Duration.ofHours(1)), Duration.ofMillis(3)));
        }
        try (var store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")))) {
            new ResultHistory(store).save(results);
        }

        var table = TendCli.run(CLOCK, config, "forecast");
        assertThat(table.out()).contains("UNKNOWN host", "not forecast yet");

        var check = TendCli.run(CLOCK, config, "check", "--json");
        var forecastCheck = only(check.json().path("results"), "forecast:disk:" + volume);
        assertThat(forecastCheck.path("status").asString()).isEqualTo("OK");
        assertThat(forecastCheck.path("reason").asString()).isEqualTo("volume " + volume + ": 3 days of history (since "
                + NOW.minus(Duration.ofDays(2)).toString().substring(0, 10) + "); a forecast needs 14: no forecast yet");
        assertThat(check.exitCode()).as(check.out()).isZero();
    }

    /** A config with one host target watching {@code volume}, its store in the test's directory. */
    private Path hostConfig(Path volume) throws java.io.IOException {
        return Files.writeString(directory.resolve("tend.yaml"), """
                platform: { name: Lab }
                targets:
                  - { name: host, type: host, volumes: ["%s"], resources: {enabled: false} }
                store: { path: "%s" }
                """.formatted(volume, directory.resolve("tend.db")));
    }

    private static JsonNode only(JsonNode rows, String check) {
        var matching = StreamSupport.stream(rows.spliterator(), false).filter(row -> row.path("check").asString().equals(check)).toList();
        assertThat(matching).as(rows.toString()).hasSize(1);
        return matching.getFirst();
    }
}
