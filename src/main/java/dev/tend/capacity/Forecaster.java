package dev.tend.capacity;

import dev.tend.capacity.Forecast.Crossing;
import dev.tend.capacity.Forecast.Day;
import dev.tend.capacity.Forecast.Trend;
import dev.tend.capacity.Quantity.Direction;
import dev.tend.check.DailyMeasure;
import dev.tend.check.Status;
import dev.tend.check.Units;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Turns a quantity's daily rollups into a {@link Forecast}: the day's peak (or, for room left, its
 * low) over the last 90 days, Theil–Sen lines over 30 and 90 days, and the dates the pessimistic
 * one of them reaches each level. A series whose growth is not significant (the slope's interval
 * holds zero) gets no dates: noise is not a trend.
 */
public final class Forecaster {
    static final int LONG_WINDOW = 90;
    static final int SHORT_WINDOW = 30;
    private final Clock clock;
    private final CapacitySettings settings;

    public Forecaster(Clock clock, CapacitySettings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    public Forecast forecast(Quantity quantity, List<DailyMeasure> rows) {
        var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var history = series(quantity, rows, today.minusDays(LONG_WINDOW - 1L), today);
        if (history.size() < settings.minHistoryDays()) {
            var since = history.isEmpty() ? "" : " (since " + history.getFirst().day() + ")";
            return new Forecast(quantity, Status.UNKNOWN, quantity.what() + ": " + history.size() + (history.size() == 1 ? " day" : " days") + " of history" + since + "; a forecast needs "
                    + settings.minHistoryDays(), current(history), history, Optional.empty(), Optional.empty(), Optional.empty(), List.of());
        }
        var trend90 = Optional.of(trend(history, today, LONG_WINDOW));
        var recent = history.stream().filter(day -> !day.day().isBefore(today.minusDays(SHORT_WINDOW - 1L))).toList();
        var trend30 = recent.size() >= settings.minHistoryDays() ? Optional.of(trend(recent, today, SHORT_WINDOW)) : Optional.<Trend>empty();
        double current = history.getLast().value();
        int sign = quantity.direction() == Direction.RISING ? 1 : -1;
        // The trend that arrives first is the one to plan by; with only growth to tell, the recent one.
        var candidates = new ArrayList<Trend>();
        trend30.ifPresent(candidates::add);
        trend90.ifPresent(candidates::add);
        var significant = candidates.stream().filter(trend -> speedLow(trend, sign) > 0).toList();
        if (significant.isEmpty()) {
            var shown = candidates.getFirst();
            return new Forecast(quantity, Status.OK, quantity.what() + " " + value(quantity, current) + ", no significant "
                    + (sign > 0 ? "growth" : "decline") + " over the last " + shown.window() + " days (" + perMonth(quantity, shown) + "): no forecast",
                    OptionalDouble.of(current), history, trend30, trend90, Optional.empty(), List.of());
        }
        var levels = quantity.levels();
        var judged = levels.isEmpty() ? significant.getFirst()
                : significant.stream().min(Comparator.comparingDouble(trend -> daysTo(trend, levels.getLast(), sign))).orElseThrow();
        var crossings = levels.stream().map(level -> crossing(judged, level, current, sign, today)).toList();
        return judge(quantity, current, history, trend30, trend90, judged, crossings, today);
    }

    private Forecast judge(Quantity quantity, double current, List<Day> history, Optional<Trend> trend30, Optional<Trend> trend90, Trend judged,
            List<Crossing> crossings, LocalDate today) {
        var growth = quantity.what() + " " + value(quantity, current) + ", " + perMonth(quantity, judged) + " (" + judged.window() + "-day trend)";
        if (crossings.isEmpty()) {
            return new Forecast(quantity, Status.OK, growth, OptionalDouble.of(current), history, trend30, trend90, Optional.of(judged), crossings);
        }
        // Judge the set level while it is ahead; once reached, judge full.
        var level = crossings.stream().filter(crossing -> !crossing.reached() && crossing.level() >= threshold(quantity)).findFirst()
                .orElse(crossings.getLast());
        String reason;
        Status status;
        if (level.reached()) {
            status = Status.CRIT;
            reason = growth + ": " + levelName(quantity, level.level()) + " reached";
        } else {
            long days = ChronoUnit.DAYS.between(today, level.date().orElseThrow());
            status = days <= settings.critWithin().toDays() ? Status.CRIT : days <= settings.warnWithin().toDays() ? Status.WARN : Status.OK;
            reason = growth + ": " + levelName(quantity, level.level()) + " around " + level.date().get() + " (in " + days + " days; "
                    + interval(level) + ")";
            if (status != Status.OK) reason += advice(quantity);
        }
        return new Forecast(quantity, status, reason, OptionalDouble.of(current), history, trend30, trend90, Optional.of(judged), crossings);
    }

    private double threshold(Quantity quantity) {
        return quantity.percent() ? settings.level() : quantity.levels().getFirst();
    }

    /** The day's value: its peak for use (capacity is about peaks), its low for room left. */
    static List<Day> series(Quantity quantity, List<DailyMeasure> rows, LocalDate from, LocalDate to) {
        var values = new TreeMap<LocalDate, Double>();
        var subtract = new TreeMap<LocalDate, Double>();
        boolean rising = quantity.direction() == Direction.RISING;
        for (var row : rows) {
            if (!row.target().equals(quantity.target()) || row.day().isBefore(from) || row.day().isAfter(to)) continue;
            if (row.check().equals(quantity.source().check()) && row.measurement().equals(quantity.source().measurement())) {
                values.put(row.day(), rising ? row.max() : row.min());
            } else if (quantity.minus().filter(minus -> minus.check().equals(row.check()) && minus.measurement().equals(row.measurement())).isPresent()) {
                subtract.put(row.day(), row.max());
            }
        }
        var days = new ArrayList<Day>();
        values.forEach((day, value) -> {
            if (quantity.minus().isEmpty()) days.add(new Day(day, value * quantity.scale()));
            else if (subtract.containsKey(day)) days.add(new Day(day, (value - subtract.get(day)) * quantity.scale()));
        });
        return days;
    }

    private static Trend trend(List<Day> days, LocalDate today, int window) {
        var points = days.stream().map(day -> new TheilSen.Point(ChronoUnit.DAYS.between(today, day.day()), day.value())).toList();
        var line = TheilSen.fit(points);
        return new Trend(window, days.size(), line.at(0), line.slope(), line.slopeLow(), line.slopeHigh());
    }

    private static double speedLow(Trend trend, int sign) {
        return sign > 0 ? trend.low() : -trend.high();
    }

    private static double daysTo(Trend trend, double level, int sign) {
        double speed = sign * trend.perDay();
        return speed <= 0 ? Double.MAX_VALUE : Math.max(0, sign * (level - trend.today())) / speed;
    }

    private static Crossing crossing(Trend trend, double level, double current, int sign, LocalDate today) {
        if (sign * (current - level) >= 0) return new Crossing(level, true, Optional.of(today), Optional.of(today), Optional.of(today));
        double remaining = Math.max(0, sign * (level - trend.today()));
        double fast = sign > 0 ? trend.high() : -trend.low();
        double slow = sign > 0 ? trend.low() : -trend.high();
        return new Crossing(level, false, after(today, remaining / (sign * trend.perDay())), after(today, remaining / fast),
                slow > 0 ? after(today, remaining / slow) : Optional.empty());
    }

    /** Dates further than a century out are "never" for planning (and LocalDate's range). */
    private static Optional<LocalDate> after(LocalDate today, double days) {
        return Double.isFinite(days) && days < 36_500 ? Optional.of(today.plusDays((long) Math.ceil(days))) : Optional.empty();
    }

    private static OptionalDouble current(List<Day> history) {
        return history.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(history.getLast().value());
    }

    static String value(Quantity quantity, double value) {
        return quantity.percent() ? "at " + Units.percent(value) : "at " + Units.bytes(value);
    }

    /** "+3.1 points a month", "+1.2 GB a month". */
    public static String perMonth(Quantity quantity, Trend trend) {
        double month = trend.perMonth();
        var amount = quantity.percent() ? String.format(java.util.Locale.ROOT, "%.1f points", Math.abs(month)) : Units.bytes(Math.abs(month));
        return (month >= 0 ? "+" : "-") + amount + " a month";
    }

    static String levelName(Quantity quantity, double level) {
        if (quantity.direction() == Direction.FALLING) return "no room";
        return level >= 100 ? "full" : Units.percent(level);
    }

    private static String interval(Crossing crossing) {
        return "95% between " + crossing.earliest().map(Object::toString).orElse("?") + " and " + crossing.latest().map(Object::toString).orElse("never");
    }

    private static String advice(Quantity quantity) {
        if (quantity.direction() == Direction.FALLING) return ": the next backup will not fit; free space at the destination or prune old backups";
        return ": plan the expansion now";
    }
}
