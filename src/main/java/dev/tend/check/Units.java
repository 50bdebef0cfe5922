package dev.tend.check;

import java.util.Locale;

/** Formats figures for reasons the way people write them: "83%", "1.2 GB", "14 ms". */
public final class Units {
    private Units() {}

    public static String bytes(double bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB", "PB"};
        int unit = 0;
        double value = bytes;
        while (Math.abs(value) >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return unit == 0 ? String.format(Locale.ROOT, "%.0f B", value) : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    public static String percent(double percent) {
        return String.format(Locale.ROOT, percent >= 10 || percent == Math.rint(percent) ? "%.0f%%" : "%.1f%%", percent);
    }

    public static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** 500ms, 5s, 1m30s: how a person writes a timeout. */
    public static String duration(java.time.Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 != 0 || millis < 1000) return millis + "ms";
        long seconds = duration.toSeconds();
        if (seconds < 60 || seconds % 60 != 0) return seconds < 120 ? seconds + "s" : (seconds / 60) + "m" + (seconds % 60) + "s";
        return (seconds / 60) + "m";
    }

    /** 45s, 12m, 5h 3m, 3d 2h: how old something is, to the two largest units. */
    public static String age(java.time.Duration age) {
        long seconds = Math.max(0, age.toSeconds());
        if (seconds < 60) return seconds + "s";
        if (seconds < 3600) return (seconds / 60) + "m";
        if (seconds < 86400) return (seconds / 3600) + "h " + (seconds % 3600 / 60) + "m";
        return (seconds / 86400) + "d " + (seconds % 86400 / 3600) + "h";
    }

    public static double ratioPercent(double part, double whole) {
        return whole <= 0 ? 0 : 100.0 * part / whole;
    }
}
