package dev.tend.logs.format;

import dev.tend.logs.AsciiLine;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

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
    /** The last access-log stamp's second (yyyyMMddHHmmss), offset and epoch second. */
    private long accessKey = -1;
    private int accessOffset;
    private long accessEpochSecond;

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
        boolean known = text instanceof AsciiLine line && sameSecond(line, from, false) != Long.MIN_VALUE;
        long key = known ? lastKey : second(text, from);
        if (key < 0) return null;
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
            } else if ((c == '+' || c == '-') && zoneAt + 5 <= length && two(text, zoneAt + 1) >= 0) {
                int minutes = text.charAt(zoneAt + 3) == ':' ? zoneAt + 4 : zoneAt + 3;
                if (minutes + 2 <= length && two(text, minutes) >= 0) {
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
        var zoneKey = zoneText == null ? "" : zoneText;
        if (key != lastKey || !zoneKey.equals(lastZone)) {
            ZoneId stampZone;
            try {
                stampZone = Timestamps.zoneOf(zoneText, zone);
            } catch (java.time.DateTimeException e) {
                return null; // an offset out of range (+99:00)
            }
            long epochSecond = CivilTime.epochSecond((int) (key / 10_000_000_000L), (int) (key / 100_000_000L % 100), (int) (key / 1_000_000L % 100),
                    (int) (key / 10_000L % 100), (int) (key / 100L % 100), (int) (key % 100), stampZone);
            if (epochSecond == CivilTime.INVALID) return null;
            lastEpochSecond = epochSecond;
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
        return sameSecond(line, from, true);
    }

    private long sameSecond(AsciiLine line, int from, boolean unzoned) {
        if (!stampKept || unzoned && !lastZone.isEmpty() || line.length() < from + 19) return Long.MIN_VALUE;
        // Three overlapping words (bytes 0-7, 8-15, 11-18): called for nearly every line, cheaper than a general compare.
        var bytes = line.bytes();
        int at = line.from() + from;
        return (long) LONGS.get(bytes, at) == (long) LONGS.get(lastStamp, 0) && (long) LONGS.get(bytes, at + 8) == (long) LONGS.get(lastStamp, 8)
                && (long) LONGS.get(bytes, at + 11) == (long) LONGS.get(lastStamp, 11) ? lastEpochSecond : Long.MIN_VALUE;
    }

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class,
            java.nio.ByteOrder.LITTLE_ENDIAN);

    /**
     * {@code yyyy-MM-dd[T ]HH:mm:ss} at {@code from} as the number yyyyMMddHHmmss, or -1. Without a
     * loop: a dozen small loops made this the JIT's costliest method (unrolled each, over a second of
     * compiler time and 20 MB of its memory for a log).
     */
    private static long second(CharSequence text, int from) {
        int century = two(text, from);
        int year = two(text, from + 2);
        int month = two(text, from + 5);
        int day = two(text, from + 8);
        int hour = two(text, from + 11);
        int minute = two(text, from + 14);
        int second = two(text, from + 17);
        char t = text.charAt(from + 10);
        if ((century | year | month | day | hour | minute | second) < 0 || text.charAt(from + 4) != '-' || text.charAt(from + 7) != '-'
                || t != 'T' && t != ' ' || text.charAt(from + 13) != ':' || text.charAt(from + 16) != ':') {
            return -1;
        }
        return (century * 100L + year) * 10_000_000_000L + month * 100_000_000L + day * 1_000_000L + hour * 10_000L + minute * 100L + second;
    }

    /** The two digits at {@code at} as a number, or -1. */
    private static int two(CharSequence text, int at) {
        int tens = text.charAt(at) - '0';
        int ones = text.charAt(at + 1) - '0';
        return (tens | ones) >= 0 && tens <= 9 && ones <= 9 ? tens * 10 + ones : -1;
    }

    /** nginx's {@code 30/Nov/2026:12:00:00 +0000} at {@code from}; null when it is not one. */
    Instant accessLog(CharSequence text, int from) {
        if (from + 26 > text.length()) return null;
        int day = two(text, from);
        int century = two(text, from + 7);
        int year = two(text, from + 9);
        int hour = two(text, from + 12);
        int minute = two(text, from + 15);
        int second = two(text, from + 18);
        int zoneHours = two(text, from + 22);
        int zoneMinutes = two(text, from + 24);
        char sign = text.charAt(from + 21);
        if ((day | century | year | hour | minute | second | zoneHours | zoneMinutes) < 0 || text.charAt(from + 2) != '/' || text.charAt(from + 6) != '/'
                || text.charAt(from + 11) != ':' || text.charAt(from + 20) != ' ' || sign != '+' && sign != '-') {
            return null;
        }
        int month = month(text, from + 3);
        // What ZoneOffset takes: up to 18 hours.
        if (month == 0 || zoneMinutes > 59 || zoneHours > 18 || zoneHours == 18 && zoneMinutes > 0) return null;
        int offset = (sign == '-' ? -1 : 1) * (zoneHours * 3600 + zoneMinutes * 60);
        long key = (century * 100L + year) * 10_000_000_000L + month * 100_000_000L + day * 1_000_000L + hour * 10_000L + minute * 100L + second;
        if (key != accessKey || offset != accessOffset) {
            long epochSecond = CivilTime.epochSecond(century * 100 + year, month, day, hour, minute, second, ZoneOffset.ofTotalSeconds(offset));
            if (epochSecond == CivilTime.INVALID) return null;
            accessEpochSecond = epochSecond;
            accessKey = key;
            accessOffset = offset;
        }
        end = from + 26;
        return Instant.ofEpochSecond(accessEpochSecond);
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
}
