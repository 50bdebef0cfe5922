package dev.tend.capacity;

import dev.tend.check.Status;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the history of one quantity says about its future: the trends over the last 30 and 90 days,
 * and for each level the date the central trend reaches it with the interval's earliest and
 * latest dates (latest empty when the slow end of the interval never gets there). {@code judged}
 * is the trend the status was read from.
 */
public record Forecast(Quantity quantity, Status status, String reason, OptionalDouble current, List<Day> history,
        Optional<Trend> trend30, Optional<Trend> trend90, Optional<Trend> judged, List<Crossing> crossings) {

    /** One day's value, in the quantity's unit. */
    public record Day(LocalDate day, double value) {}

    /**
     * A fitted line: {@code today} is its value today; {@code perDay} its slope with the 95%
     * interval {@code low}..{@code high}; over {@code points} days of the last {@code window}.
     */
    public record Trend(int window, int points, double today, double perDay, double low, double high) {
        public double perMonth() {
            return perDay * 30;
        }
    }

    /** When a level is reached: already, or around {@code date} (between earliest and latest). */
    public record Crossing(double level, boolean reached, Optional<LocalDate> date, Optional<LocalDate> earliest, Optional<LocalDate> latest) {}

    /** The crossing of one level, if this forecast has one. */
    public Optional<Crossing> crossing(double level) {
        return crossings.stream().filter(crossing -> crossing.level() == level).findFirst();
    }
}
