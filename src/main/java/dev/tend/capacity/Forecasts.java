package dev.tend.capacity;

import dev.tend.check.Check;
import dev.tend.check.CheckContext;
import dev.tend.check.DailyRollups;
import dev.tend.store.Database;
import dev.tend.target.Target;
import dev.tend.target.TargetSettings;
import dev.tend.window.MaintenanceWindows;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every forecast the stored history allows: which quantities each target has (from the daily
 * measurement rollups of the last 90 days), and their forecasts — as a list for {@code tend
 * forecast} and reports, and as {@code forecast:} checks added to their targets so they raise
 * alerts like any other check.
 */
public final class Forecasts {
    /** A series with no row for this many days is no longer measured. */
    static final int STILL_MEASURED_DAYS = 3;
    private final DailyRollups rollups;
    private final Clock clock;
    private final Forecaster forecaster;

    public Forecasts(Database store, Clock clock, CapacitySettings settings) {
        this.rollups = new DailyRollups(store, MaintenanceWindows.none());
        this.clock = clock;
        this.forecaster = new Forecaster(clock, settings);
    }

    /**
     * The quantities of these targets that are still measured (recorded in the last few days: a
     * directory dropped from the config stops being forecast), by target in the given order.
     */
    public List<Quantity> quantities(List<TargetSettings> targets) {
        Map<String, Set<Quantity.Source>> recorded = rollups.recorded(today().minusDays(STILL_MEASURED_DAYS)).stream()
                .collect(Collectors.groupingBy(DailyRollups.Recorded::target,
                        Collectors.mapping(row -> new Quantity.Source(row.check(), row.measurement()), Collectors.toCollection(HashSet::new))));
        var quantities = new ArrayList<Quantity>();
        for (var target : targets) {
            quantities.addAll(Quantities.of(target.name(), target.type(), recorded.getOrDefault(target.name(), Set.of())));
        }
        return quantities;
    }

    public Forecast forecast(Quantity quantity) {
        var today = today();
        return forecaster.forecast(quantity, rollups.measures(today.minusDays(Forecaster.LONG_WINDOW - 1L), today, quantity.target(), Quantities.MEASUREMENTS));
    }

    /** Every quantity's forecast, from one read of the window's rows (a report's worth, not one query per quantity). */
    public List<Forecast> all(List<TargetSettings> targets) {
        var today = today();
        var byTarget = rollups.measures(today.minusDays(Forecaster.LONG_WINDOW - 1L), today, null, Quantities.MEASUREMENTS).stream()
                .collect(Collectors.groupingBy(dev.tend.check.DailyMeasure::target));
        return quantities(targets).stream().map(quantity -> forecaster.forecast(quantity, byTarget.getOrDefault(quantity.target(), List.of()))).toList();
    }

    /** The targets with their quantities' forecast checks added (targets without any are left as they are). */
    public List<Target> withForecastChecks(List<Target> targets) {
        var byTarget = quantities(targets.stream().map(Target::settings).toList()).stream()
                .collect(Collectors.groupingBy(Quantity::target));
        return targets.stream().<Target>map(target -> byTarget.containsKey(target.name())
                ? new Forecasting(target, byTarget.get(target.name()), this) : target).toList();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** A target and its forecasts: its own checks first. */
    private record Forecasting(Target target, List<Quantity> quantities, Forecasts forecasts) implements Target {
        @Override
        public TargetSettings settings() {
            return target.settings();
        }

        @Override
        public List<Check> checks(CheckContext context) {
            var checks = new ArrayList<>(target.checks(context));
            quantities.forEach(quantity -> checks.add(new ForecastCheck(quantity, forecasts)));
            return checks;
        }
    }
}
