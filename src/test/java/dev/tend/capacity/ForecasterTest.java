package dev.tend.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.check.DailyMeasure;
import dev.tend.check.Status;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class ForecasterTest {
    private static final LocalDate TODAY = LocalDate.of(2027, 2, 1);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-02-01T12:00:00Z"), ZoneOffset.UTC);
    private static final Quantity DISK = Quantities.of("host", "host", Set.of(new Quantity.Source("disk:/data", "used"))).getFirst();
    private final Forecaster forecaster = new Forecaster(CLOCK, CapacitySettings.DEFAULT);

    /** Daily peaks of disk use for the last {@code days} days; day 0 is today, -1 yesterday. */
    private static List<DailyMeasure> disk(int days, IntToDoubleFunction valueOnDay) {
        var rows = new ArrayList<DailyMeasure>();
        for (int ago = days - 1; ago >= 0; ago--) {
            double value = valueOnDay.applyAsDouble(-ago);
            rows.add(new DailyMeasure(TODAY.minusDays(ago), "host", "disk:/data", "used", "%", 288, value - 1, value, value * 288, value));
        }
        return rows;
    }

    @Test
    void aGrowingSeriesWithNoiseLandsItsTrueDatesInsideTheInterval() {
        int inside = 0;
        for (int seed = 1; seed <= 20; seed++) {
            var noise = new Random(seed);
            // 40% today, +0.25 points a day: 80% is truly 160 days away.
            var forecast = forecaster.forecast(DISK, disk(90, day -> 40 + 0.25 * day + noise.nextGaussian() * 1.5));
            var at80 = forecast.crossing(80).orElseThrow();
            var truth = TODAY.plusDays(160);
            if (!truth.isBefore(at80.earliest().orElseThrow()) && !truth.isAfter(at80.latest().orElse(LocalDate.MAX))) inside++;
            assertThat(forecast.trend90().orElseThrow().perDay()).isBetween(0.2, 0.3);
            assertThat(forecast.status()).isEqualTo(Status.OK);
        }
        // A 95% interval: about 19 of 20 cover the truth; 17 leaves room for chance, not for a wrong interval.
        assertThat(inside).isGreaterThanOrEqualTo(17);
    }

    @Test
    void oneSpikeDoesNotMoveTheDateByMoreThanTwoDays() {
        var calm = forecaster.forecast(DISK, disk(90, day -> 60 + 0.2 * day + ((day * 7919) % 5) * 0.2));
        var spiked = forecaster.forecast(DISK, disk(90, day -> (day == -3 ? 95 : 60 + 0.2 * day + ((day * 7919) % 5) * 0.2)));

        var before = calm.crossing(80).orElseThrow().date().orElseThrow();
        var after = spiked.crossing(80).orElseThrow().date().orElseThrow();
        assertThat(Math.abs(ChronoUnit.DAYS.between(before, after))).isLessThanOrEqualTo(2);
    }

    @Test
    void aFlatSeriesGetsNoForecast() {
        var noise = new Random(7);
        var forecast = forecaster.forecast(DISK, disk(90, day -> 55 + noise.nextGaussian()));

        assertThat(forecast.status()).isEqualTo(Status.OK);
        assertThat(forecast.crossings()).isEmpty();
        assertThat(forecast.reason()).contains("no significant growth over the last").endsWith("no forecast");
    }

    @Test
    void aShortHistoryIsUnknownWithHowMuchIsMissing() {
        var forecast = forecaster.forecast(DISK, disk(10, day -> 50 + day));

        assertThat(forecast.status()).isEqualTo(Status.UNKNOWN);
        assertThat(forecast.reason()).isEqualTo("volume /data: 10 days of history (since 2027-01-23); a forecast needs 14");
    }

    @Test
    void theLevelForecastWithinThirtyDaysWarnsAndWithinSevenIsCritical() {
        var soon = forecaster.forecast(DISK, disk(30, day -> 75 + 0.3 * day));
        var imminent = forecaster.forecast(DISK, disk(30, day -> 78.5 + 0.3 * day));
        var full = forecaster.forecast(DISK, disk(30, day -> 99 + 0.3 * day));

        assertThat(soon.status()).isEqualTo(Status.WARN);
        assertThat(soon.reason()).startsWith("volume /data at 75%, +9.0 points a month (30-day trend): 80% around 2027-02-18 (in 17 days")
                .endsWith("plan the expansion now");
        assertThat(imminent.status()).isEqualTo(Status.CRIT);
        // Past the set level, the next one is judged.
        assertThat(full.status()).isEqualTo(Status.CRIT);
        assertThat(full.crossing(90).orElseThrow().reached()).isTrue();
        assertThat(full.reason()).contains("full around 2027-02-05");
    }

    @Test
    void theRoomForTheNextBackupIsForecastFromFreeSpaceLessTheBackupSize() {
        var quantities = Quantities.of("backup:db", "backup", Set.of(new Quantity.Source("destination", "free"), new Quantity.Source("freshness", "size")));
        var room = quantities.getFirst();
        var rows = new ArrayList<DailyMeasure>();
        for (int ago = 59; ago >= 0; ago--) {
            double free = 15.5e9 + 0.5e9 * ago;
            double size = 4e9 - 0.01e9 * ago;
            rows.add(new DailyMeasure(TODAY.minusDays(ago), "backup:db", "destination", "free", "bytes", 24, free, free + 1e8, free * 24, free));
            rows.add(new DailyMeasure(TODAY.minusDays(ago), "backup:db", "freshness", "size", "bytes", 24, size, size, size * 24, size));
        }

        var forecast = new Forecaster(CLOCK, CapacitySettings.DEFAULT).forecast(room, rows);

        assertThat(quantities).extracting(Quantity::checkName).containsExactly("forecast:backup-room");
        assertThat(forecast.current().orElseThrow()).isEqualTo(11.5e9);
        assertThat(forecast.status()).isEqualTo(Status.WARN);
        assertThat(forecast.crossing(0).flatMap(Forecast.Crossing::date)).isEqualTo(Optional.of(TODAY.plusDays(23)));
        assertThat(forecast.reason()).contains("no room around 2027-02-24 (in 23 days").contains("the next backup will not fit");
    }

    @Test
    void everyQuantityReadsAMeasurementTheReportFetches() {
        var recorded = Set.of(new Quantity.Source("disk:/", "used"), new Quantity.Source("dir:/x", "size"), new Quantity.Source("database-size", "size"),
                new Quantity.Source("database-size", "largest_table"), new Quantity.Source("database-size", "xid_age"),
                new Quantity.Source("database-size", "sequence_used"), new Quantity.Source("memory", "used"), new Quantity.Source("usage", "bytes"),
                new Quantity.Source("destination", "free"), new Quantity.Source("freshness", "size"));
        var all = new java.util.ArrayList<Quantity>();
        for (var type : List.of("host", "postgres", "redis", "s3", "backup")) all.addAll(Quantities.of("t", type, recorded));

        assertThat(all).extracting(Quantity::name).containsExactlyInAnyOrder("disk:/", "dir:/x", "database-size", "largest-table", "wraparound",
                "sequences", "memory", "usage", "backup-room");
        assertThat(all).allSatisfy(quantity -> {
            assertThat(Quantities.MEASUREMENTS).contains(quantity.source().measurement());
            quantity.minus().ifPresent(minus -> assertThat(Quantities.MEASUREMENTS).contains(minus.measurement()));
        });
    }

    @Test
    void theSlopeIntervalHoldsTheTrueSlopeOfAnExactLine() {
        var line = TheilSen.fit(List.of(new TheilSen.Point(0, 1), new TheilSen.Point(1, 3), new TheilSen.Point(2, 5), new TheilSen.Point(3, 7)));

        assertThat(line.slope()).isEqualTo(2.0);
        assertThat(line.intercept()).isEqualTo(1.0);
        assertThat(line.slopeLow()).isEqualTo(2.0);
        assertThat(line.slopeHigh()).isEqualTo(2.0);
    }
}
