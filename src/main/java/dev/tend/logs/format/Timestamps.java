package dev.tend.logs.format;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Timestamps of fields (JSON, CSV) rather than of line starts, read without failing: a stamp that does not parse is no stamp. */
final class Timestamps {
    private Timestamps() {}

    /** An ISO-like stamp at the start of the text (see {@link StampScanner#iso}); a stamp without a zone is in {@code zone}. */
    static Instant iso(String text, ZoneId zone) {
        return text == null ? null : new StampScanner(zone).iso(text, 0);
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
