package dev.tend.logs.format;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** The timestamps logs begin with, read without failing: a stamp that does not parse is no stamp. */
final class Timestamps {
    /** 2026-11-30 12:00:00, 2026-11-30T12:00:00.123Z, 2026-11-30 12:00:00,123 +01:00, ... with an optional zone word. */
    static final Pattern ISO = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}:\\d{2})(?:[.,](\\d{1,9}))?(?: ?(Z|[+-]\\d{2}:?\\d{2}|UTC|GMT|[A-Z]{3,5}\\b))?");
    private static final DateTimeFormatter ACCESS_LOG = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

    private Timestamps() {}

    /** Reads an ISO-like stamp matched by {@link #ISO}; a stamp without a zone is in {@code zone}. */
    static Instant iso(java.util.regex.Matcher match, ZoneId zone) {
        try {
            var fraction = match.group(3) == null ? "" : "." + match.group(3);
            var local = LocalDateTime.parse(match.group(1) + "T" + match.group(2) + fraction);
            var zoneText = match.group(4);
            return local.atZone(zoneOf(zoneText, zone)).toInstant();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    static Instant iso(String text, ZoneId zone) {
        var match = ISO.matcher(text);
        return match.lookingAt() ? iso(match, zone) : null;
    }

    /** nginx's and Apache's {@code 30/Nov/2026:12:00:00 +0000}. */
    static Instant accessLog(String text) {
        try {
            return java.time.OffsetDateTime.parse(text, ACCESS_LOG).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Seconds or milliseconds since the epoch, as JSON loggers write them. */
    static Instant epoch(double value) {
        return value > 1e11 ? Instant.ofEpochMilli((long) value) : Instant.ofEpochMilli((long) (value * 1000));
    }

    static ZoneId zoneOf(String text, ZoneId fallback) {
        if (text == null) return fallback;
        if (text.equals("Z") || text.equals("UTC") || text.equals("GMT")) return ZoneOffset.UTC;
        if (text.startsWith("+") || text.startsWith("-")) {
            return ZoneOffset.of(text.length() == 5 ? text.substring(0, 3) + ":" + text.substring(3) : text);
        }
        var offset = ABBREVIATIONS.get(text);
        return offset != null ? ZoneOffset.of(offset) : fallback;
    }

    /** The zone abbreviations PostgreSQL and syslog write, as the offsets they stand for (summer time has its own). */
    private static final java.util.Map<String, String> ABBREVIATIONS = java.util.Map.ofEntries(
            java.util.Map.entry("WET", "+00:00"), java.util.Map.entry("WEST", "+01:00"), java.util.Map.entry("BST", "+01:00"),
            java.util.Map.entry("CET", "+01:00"), java.util.Map.entry("CEST", "+02:00"), java.util.Map.entry("EET", "+02:00"),
            java.util.Map.entry("EEST", "+03:00"), java.util.Map.entry("MSK", "+03:00"), java.util.Map.entry("IST", "+05:30"),
            java.util.Map.entry("JST", "+09:00"), java.util.Map.entry("AEST", "+10:00"), java.util.Map.entry("AEDT", "+11:00"),
            java.util.Map.entry("EST", "-05:00"), java.util.Map.entry("EDT", "-04:00"), java.util.Map.entry("CST", "-06:00"),
            java.util.Map.entry("CDT", "-05:00"), java.util.Map.entry("MST", "-07:00"), java.util.Map.entry("MDT", "-06:00"),
            java.util.Map.entry("PST", "-08:00"), java.util.Map.entry("PDT", "-07:00"));
}
