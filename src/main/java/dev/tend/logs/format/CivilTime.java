package dev.tend.logs.format;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The epoch second of a date and time read from a log, as {@code LocalDateTime.of(...).atZone(zone)}
 * gives it, by arithmetic where the zone is a fixed offset (UTC, "+02:00", an abbreviation): a
 * stamp's second is computed anew whenever it changes, and through {@code java.time} that was the
 * largest method the JIT compiled while reading a log — 0.4-0.7 s of compiler time, three times
 * over. Zones with summer time still go through {@code java.time}.
 */
final class CivilTime {
    /** Not a date and time (February 30th, hour 24): what {@code LocalDateTime.of} refuses. */
    static final long INVALID = Long.MIN_VALUE;
    private static final long DAYS_0000_TO_1970 = 719_528L;

    private CivilTime() {}

    static long epochSecond(int year, int month, int day, int hour, int minute, int second, ZoneId zone) {
        if (month < 1 || month > 12 || day < 1 || day > length(year, month) || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return INVALID;
        }
        var offset = zone instanceof ZoneOffset fixed ? fixed : zone.getRules().isFixedOffset() ? zone.getRules().getOffset(Instant.EPOCH) : null;
        if (offset == null) return withRules(year, month, day, hour, minute, second, zone);
        return epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second - offset.getTotalSeconds();
    }

    private static long withRules(int year, int month, int day, int hour, int minute, int second, ZoneId zone) {
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).atZone(zone).toEpochSecond();
        } catch (DateTimeException e) {
            return INVALID;
        }
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date, as {@code LocalDate.toEpochDay} counts them. */
    static long epochDay(long year, int month, int day) {
        long total = 365 * year;
        if (year >= 0) total += (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400;
        else total -= year / -4 - year / -100 + year / -400;
        total += (367L * month - 362) / 12;
        total += day - 1;
        if (month > 2) total -= leap(year) ? 1 : 2;
        return total - DAYS_0000_TO_1970;
    }

    private static int length(int year, int month) {
        return switch (month) {
            case 2 -> leap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean leap(long year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }
}
