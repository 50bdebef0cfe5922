package dev.tend.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.schedule.DstPolicy.Repeated;
import dev.tend.schedule.DstPolicy.Skipped;
import dev.tend.window.WindowOccurrence;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Windows and cron occurrences in real time zones, across daylight-saving changes, with an explicit policy. */
class MaintenanceCalendarTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void firstSundayWindowsOverTwoYearsInBerlinOpenAt0100LocalWhateverTheOffset() {
        var window = recurring("monthly", "0 1 * * SUN#1", BERLIN, DstPolicy.DEFAULT, Duration.ofHours(4));

        var openings = window.between(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2028-01-01T00:00:00Z"));

        assertThat(openings).hasSize(24);
        for (var opening : openings) {
            var local = opening.start().atZone(BERLIN);
            assertThat(local.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
            assertThat(local.getDayOfMonth()).isLessThanOrEqualTo(7);
            assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(1, 0));
            assertThat(Duration.between(opening.start(), opening.end())).isEqualTo(Duration.ofHours(4));
        }
        assertThat(starts(openings)).contains(
                "2026-03-01T00:00:00Z",  // CET, +01:00
                "2026-04-04T23:00:00Z",  // CEST, +02:00: Sunday 5 April 01:00 local is Saturday 23:00 UTC
                "2026-10-03T23:00:00Z",  // Sunday 4 October, still summer time (it ends on the last Sunday of October)
                "2026-11-01T00:00:00Z",
                "2027-04-03T23:00:00Z");
    }

    @Test
    void aRepeatedHourFollowsThePolicyFirstSecondOrBoth() {
        // In New York summer time ends at 02:00 on the first Sunday of November: 01:00 happens twice.
        var from = Instant.parse("2026-10-01T00:00:00Z");
        var to = Instant.parse("2026-11-02T00:00:00Z");
        assertThat(starts(recurring("m", "0 1 * * SUN#1", NEW_YORK, new DstPolicy(Skipped.SHIFT, Repeated.FIRST), Duration.ofHours(4)).between(from, to)))
                .containsExactly("2026-10-04T05:00:00Z", "2026-11-01T05:00:00Z");
        assertThat(starts(recurring("m", "0 1 * * SUN#1", NEW_YORK, new DstPolicy(Skipped.SHIFT, Repeated.SECOND), Duration.ofHours(4)).between(from, to)))
                .containsExactly("2026-10-04T05:00:00Z", "2026-11-01T06:00:00Z");
        assertThat(new ZonedCron(CronExpression.parse("0 1 * * SUN#1"), NEW_YORK, new DstPolicy(Skipped.SHIFT, Repeated.BOTH)).between(from, to))
                .extracting(Instant::toString).containsExactly("2026-10-04T05:00:00Z", "2026-11-01T05:00:00Z", "2026-11-01T06:00:00Z");
    }

    @Test
    void aSkippedTimeShiftsByTheGapOrIsSkipped() {
        // 8 March 2026, New York: 02:00 jumps to 03:00, so 02:30 does not exist.
        var from = Instant.parse("2026-03-07T00:00:00Z");
        var to = Instant.parse("2026-03-10T00:00:00Z");
        var shift = new ZonedCron(CronExpression.parse("30 2 * * *"), NEW_YORK, new DstPolicy(Skipped.SHIFT, Repeated.FIRST)).between(from, to);
        var skip = new ZonedCron(CronExpression.parse("30 2 * * *"), NEW_YORK, new DstPolicy(Skipped.SKIP, Repeated.FIRST)).between(from, to);

        assertThat(shift).extracting(Instant::toString).containsExactly("2026-03-07T07:30:00Z", "2026-03-08T07:30:00Z", "2026-03-09T06:30:00Z");
        assertThat(skip).extracting(Instant::toString).containsExactly("2026-03-07T07:30:00Z", "2026-03-09T06:30:00Z");
    }

    @Test
    void theOpenWindowWithMostTimeLeftAndTheNextOneLongEnough() {
        var weekly = recurring("weekly", "0 2 * * SUN", ZoneId.of("UTC"), DstPolicy.DEFAULT, Duration.ofHours(2));
        var monthly = new MaintenanceWindow("monthly", Optional.of(new ZonedCron(CronExpression.parse("0 1 * * SUN#1"), ZoneId.of("UTC"),
                DstPolicy.DEFAULT)), Optional.empty(), Duration.ofHours(4), false, List.of("db"), "");
        var calendar = new MaintenanceCalendar(List.of(weekly, monthly));

        var inBoth = Instant.parse("2026-12-06T02:30:00Z");
        assertThat(calendar.openAt("db", inBoth).orElseThrow().window()).isEqualTo("monthly");
        assertThat(calendar.openAt("cache", inBoth).orElseThrow().window()).as("monthly covers db only").isEqualTo("weekly");
        assertThat(calendar.isOpen("db", Instant.parse("2026-12-06T05:00:00Z"))).as("the end is exclusive").isFalse();
        assertThat(calendar.isOpen("db", Instant.parse("2026-12-05T02:30:00Z"))).isFalse();

        var tooShort = new ArrayList<WindowOccurrence>();
        var fitting = calendar.nextFitting("db", Instant.parse("2026-11-23T00:00:00Z"), Duration.ofHours(3), tooShort::add);
        assertThat(fitting.orElseThrow().start()).isEqualTo(Instant.parse("2026-12-06T01:00:00Z"));
        assertThat(tooShort).extracting(WindowOccurrence::start).containsExactly(Instant.parse("2026-11-29T02:00:00Z"));

        var midWindow = calendar.nextFitting("db", Instant.parse("2026-12-06T03:30:00Z"), Duration.ofHours(1), occurrence -> {});
        assertThat(midWindow.orElseThrow().window()).as("1.5 h left in monthly is enough").isEqualTo("monthly");
        assertThat(calendar.nextFitting("db", Instant.parse("2026-11-23T00:00:00Z"), Duration.ofHours(5), occurrence -> {})).isEmpty();
    }

    private static MaintenanceWindow recurring(String name, String cron, ZoneId zone, DstPolicy policy, Duration duration) {
        return new MaintenanceWindow(name, Optional.of(new ZonedCron(CronExpression.parse(cron), zone, policy)), Optional.empty(), duration,
                false, List.of(), "");
    }

    private static List<String> starts(List<WindowOccurrence> openings) {
        return openings.stream().map(opening -> opening.start().toString()).toList();
    }
}
