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

    public static double ratioPercent(double part, double whole) {
        return whole <= 0 ? 0 : 100.0 * part / whole;
    }
}
