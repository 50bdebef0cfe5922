package dev.tend.check;

import java.time.LocalDate;

/** One UTC day of one measurement of one check: samples, least, greatest, mean and the day's last value. */
public record DailyMeasure(LocalDate day, String target, String check, String measurement, String unit, int samples, double min, double max,
        double sum, double last) {

    public double mean() {
        return samples == 0 ? 0 : sum / samples;
    }
}
