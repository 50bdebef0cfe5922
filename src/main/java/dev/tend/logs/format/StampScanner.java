package dev.tend.logs.format;

import dev.tend.logs.AsciiLine;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Reads the timestamps lines begin with by hand, digit by digit: a regex and a DateTimeFormatter
 * per line were most of an analysis's time. Consecutive lines mostly share their second, so the
 * last second's epoch value is kept. One per format instance (not shared between threads).
 */
final class StampScanner {
    private final ZoneId zone;
    /** Where the last stamp read ended. */
    int end;
    private long lastKey = -1;
    private String lastZone = "";
    private long lastEpochSecond;
    /** The first 19 characters of the last ISO stamp read (its second), as bytes, while the second kept is theirs. */
    private final byte[] lastStamp = new byte[19];
    private boolean stampKept;

    StampScanner(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * An ISO-like stamp at {@code from}: {@code 2026-11-30[T ]12:00:00[.,fraction][ ?zone]}, where the
     * zone is Z, ±hh[:]mm, UTC, GMT or an abbreviation; null when there is none.
     */
    Instant iso(CharSequence text, int from) {
        int length = text.length();
        if (from + 19 > length) return null;
        // Consecutive lines mostly share their second: the same 19 bytes as the last stamp need no reading.
        boolean known = text instanceof AsciiLine line && stampKept
                && Arrays.equals(line.bytes(), line.from() + from, line.from() + from + 19, lastStamp, 0, 19);
        if (!known && (!digits(text, from, 4) || text.charAt(from + 4) != '-' || !digits(text, from + 5, 2) || text.charAt(from + 7) != '-'
                || !digits(text, from + 8, 2) || (text.charAt(from + 10) != 'T' && text.charAt(from + 10) != ' ') || !digits(text, from + 11, 2)
                || text.charAt(from + 13) != ':' || !digits(text, from + 14, 2) || text.charAt(from + 16) != ':' || !digits(text, from + 17, 2))) {
            return null;
        }
        int position = from + 19;
        long nanos = 0;
        if (position < length && (text.charAt(position) == '.' || text.charAt(position) == ',') && position + 1 < length
                && digit(text.charAt(position + 1))) {
            position++;
            int digits = 0;
            while (position < length && digit(text.charAt(position))) {
                if (digits < 9) {
                    nanos = nanos * 10 + (text.charAt(position) - '0');
                    digits++;
                }
                position++;
            }
            for (int pad = digits; pad < 9; pad++) nanos *= 10;
        }
        // An optional zone, right after or after one blank.
        String zoneText = null;
        int zoneAt = position < length && text.charAt(position) == ' ' ? position + 1 : position;
        if (zoneAt < length) {
            char c = text.charAt(zoneAt);
            if (c == 'Z' && (zoneAt + 1 == length || !Character.isLetterOrDigit(text.charAt(zoneAt + 1)))) {
                zoneText = "Z";
                position = zoneAt + 1;
            } else if ((c == '+' || c == '-') && zoneAt + 5 <= length && digits(text, zoneAt + 1, 2)) {
                int minutes = text.charAt(zoneAt + 3) == ':' ? zoneAt + 4 : zoneAt + 3;
                if (minutes + 2 <= length && digits(text, minutes, 2)) {
                    zoneText = text.subSequence(zoneAt, minutes + 2).toString();
                    position = minutes + 2;
                }
            } else if (c >= 'A' && c <= 'Z') {
                int word = zoneAt;
                while (word < length && word - zoneAt < 6 && text.charAt(word) >= 'A' && text.charAt(word) <= 'Z') word++;
                if (word - zoneAt >= 3 && word - zoneAt <= 5 && (word == length || !Character.isLetterOrDigit(text.charAt(word)))) {
                    zoneText = text.subSequence(zoneAt, word).toString();
                    position = word;
                }
            }
        }
        end = position;
        long key = known ? lastKey : number(text, from, 4) * 10_000_000_000L + number(text, from + 5, 2) * 100_000_000L
                + number(text, from + 8, 2) * 1_000_000L + number(text, from + 11, 2) * 10_000L + number(text, from + 14, 2) * 100L
                + number(text, from + 17, 2);
        var zoneKey = zoneText == null ? "" : zoneText;
        if (key != lastKey || !zoneKey.equals(lastZone)) {
            try {
                var local = LocalDateTime.of((int) number(text, from, 4), (int) number(text, from + 5, 2), (int) number(text, from + 8, 2),
                        (int) number(text, from + 11, 2), (int) number(text, from + 14, 2), (int) number(text, from + 17, 2));
                lastEpochSecond = local.atZone(Timestamps.zoneOf(zoneText, zone)).toEpochSecond();
            } catch (java.time.DateTimeException e) {
                return null;
            }
            lastKey = key;
            lastZone = zoneKey;
            for (int index = 0; index < 19; index++) lastStamp[index] = (byte) text.charAt(from + index);
            stampKept = true;
        }
        return Instant.ofEpochSecond(lastEpochSecond, nanos);
    }

    /**
     * The epoch second of the last stamp read, when {@code line} holds the same 19 bytes at
     * {@code from} and that stamp had no zone; otherwise {@link Long#MIN_VALUE}. What a caller that
     * knows the rest of the line's shape needs instead of reading the stamp again.
     */
    long sameSecond(AsciiLine line, int from) {
        if (!stampKept || !lastZone.isEmpty() || line.length() < from + 19) return Long.MIN_VALUE;
        // Three overlapping words (bytes 0-7, 8-15, 11-18): called for nearly every line, cheaper than a general compare.
        var bytes = line.bytes();
        int at = line.from() + from;
        return (long) LONGS.get(bytes, at) == (long) LONGS.get(lastStamp, 0) && (long) LONGS.get(bytes, at + 8) == (long) LONGS.get(lastStamp, 8)
                && (long) LONGS.get(bytes, at + 11) == (long) LONGS.get(lastStamp, 11) ? lastEpochSecond : Long.MIN_VALUE;
    }

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class,
            java.nio.ByteOrder.LITTLE_ENDIAN);

    /** nginx's {@code 30/Nov/2026:12:00:00 +0000} at {@code from}; null when it is not one. */
    Instant accessLog(CharSequence text, int from) {
        if (from + 26 > text.length()) return null;
        if (!digits(text, from, 2) || text.charAt(from + 2) != '/' || text.charAt(from + 6) != '/' || !digits(text, from + 7, 4)
                || text.charAt(from + 11) != ':' || !digits(text, from + 12, 2) || !digits(text, from + 15, 2) || !digits(text, from + 18, 2)
                || text.charAt(from + 20) != ' ' || !digits(text, from + 22, 4)) {
            return null;
        }
        int month = month(text, from + 3);
        if (month == 0) return null;
        long key = number(text, from + 7, 4) * 10_000_000_000L + month * 100_000_000L + number(text, from, 2) * 1_000_000L
                + number(text, from + 12, 2) * 10_000L + number(text, from + 15, 2) * 100L + number(text, from + 18, 2);
        var zoneText = text.subSequence(from + 21, from + 26).toString();
        if (key != lastKey || !zoneText.equals(lastZone)) {
            try {
                var local = LocalDateTime.of((int) number(text, from + 7, 4), month, (int) number(text, from, 2), (int) number(text, from + 12, 2),
                        (int) number(text, from + 15, 2), (int) number(text, from + 18, 2));
                lastEpochSecond = local.toEpochSecond(ZoneOffset.of(zoneText.substring(0, 3) + ":" + zoneText.substring(3)));
            } catch (java.time.DateTimeException e) {
                return null;
            }
            lastKey = key;
            lastZone = zoneText;
            stampKept = false;
        }
        end = from + 26;
        return Instant.ofEpochSecond(lastEpochSecond);
    }

    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private static int month(CharSequence text, int at) {
        for (int index = 0; index < 12; index++) {
            if (MONTHS.charAt(index * 3) == text.charAt(at) && MONTHS.charAt(index * 3 + 1) == text.charAt(at + 1)
                    && MONTHS.charAt(index * 3 + 2) == text.charAt(at + 2)) {
                return index + 1;
            }
        }
        return 0;
    }

    /** An ASCII digit: a fraction's digits are read as {@code c - '0'}, which only they allow. */
    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean digits(CharSequence text, int from, int count) {
        for (int index = from; index < from + count; index++) {
            char c = text.charAt(index);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    private static long number(CharSequence text, int from, int count) {
        long value = 0;
        for (int index = from; index < from + count; index++) value = value * 10 + (text.charAt(index) - '0');
        return value;
    }
}
