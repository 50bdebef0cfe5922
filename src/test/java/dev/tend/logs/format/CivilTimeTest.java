package dev.tend.logs.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The arithmetic must give what java.time gives, for every date it accepts, and refuse what it refuses. */
class CivilTimeTest {
    @Test
    void theEpochSecondIsJavaTimesOnRandomDatesValidOrNot() {
        var zones = List.<ZoneId>of(ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(5, 30), ZoneOffset.ofHours(-8), ZoneId.of("UTC"), ZoneId.of("Europe/Berlin"),
                ZoneId.of("America/New_York"));
        var random = new Random(20261201);
        int valid = 0;
        for (int index = 0; index < 300_000; index++) {
            // Years around leap rules (1900, 2000, 2100), months and days a little out of range, hours up to 24.
            int year = random.nextInt(10) == 0 ? random.nextInt(10_000) : 1890 + random.nextInt(250);
            int month = random.nextInt(14);
            int day = random.nextInt(33);
            int hour = random.nextInt(25);
            int minute = random.nextInt(61);
            int second = random.nextInt(61);
            var zone = zones.get(random.nextInt(zones.size()));
            long expected;
            try {
                expected = LocalDateTime.of(year, month, day, hour, minute, second).atZone(zone).toEpochSecond();
                valid++;
            } catch (DateTimeException e) {
                expected = CivilTime.INVALID;
            }
            assertThat(CivilTime.epochSecond(year, month, day, hour, minute, second, zone))
                    .as("%04d-%02d-%02d %02d:%02d:%02d %s", year, month, day, hour, minute, second, zone).isEqualTo(expected);
        }
        assertThat(valid).isGreaterThan(100_000);
    }

    @Test
    void anAccessLogStampIsReadAsJavaTimeReadsIt() {
        var random = new Random(20261202);
        var months = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Foo");
        var scanner = new StampScanner(ZoneOffset.UTC);
        for (int index = 0; index < 100_000; index++) {
            int month = random.nextInt(months.size());
            var text = "%02d/%s/%04d:%02d:%02d:%02d %s%02d%02d".formatted(random.nextInt(33), months.get(month), 1990 + random.nextInt(60), random.nextInt(25),
                    random.nextInt(61), random.nextInt(61), random.nextBoolean() ? "+" : random.nextBoolean() ? "-" : "x", random.nextInt(20), random.nextInt(61));
            java.time.Instant expected;
            try {
                var zone = ZoneOffset.of(text.substring(21, 24) + ":" + text.substring(24));
                expected = LocalDateTime.of(Integer.parseInt(text.substring(7, 11)), month + 1, Integer.parseInt(text.substring(0, 2)),
                        Integer.parseInt(text.substring(12, 14)), Integer.parseInt(text.substring(15, 17)), Integer.parseInt(text.substring(18, 20))).toInstant(zone);
            } catch (DateTimeException e) {
                expected = null;
            }
            assertThat(scanner.accessLog(text, 0)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void anIsoStampIsReadAsJavaTimeReadsIt() {
        var random = new Random(20261203);
        var scanner = new StampScanner(ZoneId.of("Europe/Berlin"));
        for (int index = 0; index < 100_000; index++) {
            var chars = "%04d-%02d-%02d%s%02d:%02d:%02d".formatted(1990 + random.nextInt(60), random.nextInt(14), random.nextInt(33),
                    random.nextBoolean() ? "T" : " ", random.nextInt(25), random.nextInt(61), random.nextInt(61)).toCharArray();
            // Now and then one character is wrong: a letter for a digit, another separator.
            if (random.nextInt(4) == 0) chars[random.nextInt(chars.length)] = "x/:-9 "
                    .charAt(random.nextInt(6));
            var stamp = new String(chars);
            var zone = List.of("", "Z", " UTC", "+05:30", " -0800").get(random.nextInt(5));
            java.time.Instant expected;
            try {
                if (!stamp.matches("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}")) throw new DateTimeException("not a stamp");
                var local = LocalDateTime.of(Integer.parseInt(stamp.substring(0, 4)), Integer.parseInt(stamp.substring(5, 7)),
                        Integer.parseInt(stamp.substring(8, 10)), Integer.parseInt(stamp.substring(11, 13)), Integer.parseInt(stamp.substring(14, 16)),
                        Integer.parseInt(stamp.substring(17, 19)));
                expected = local.atZone(zone.isEmpty() ? ZoneId.of("Europe/Berlin") : Timestamps.zoneOf(zone.strip(), ZoneOffset.UTC)).toInstant();
            } catch (DateTimeException e) {
                expected = null;
            }
            assertThat(scanner.iso(stamp + zone + " - rest", 0)).as(stamp + zone).isEqualTo(expected);
        }
    }
}
