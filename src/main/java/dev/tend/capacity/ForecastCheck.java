package dev.tend.capacity;

import dev.tend.check.Check;
import dev.tend.check.Verdict;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/** {@code forecast:QUANTITY}: WARN when the set level is forecast within warnWithin, CRIT within critWithin or when full. */
final class ForecastCheck implements Check {
    private final Quantity quantity;
    private final Forecasts forecasts;

    ForecastCheck(Quantity quantity, Forecasts forecasts) {
        this.quantity = quantity;
        this.forecasts = forecasts;
    }

    @Override
    public String name() {
        return quantity.checkName();
    }

    @Override
    public Verdict run(Duration timeout) {
        var forecast = forecasts.forecast(quantity);
        var verdict = Verdict.builder();
        forecast.current().ifPresent(current -> verdict.measure("current", current, quantity.unit()));
        forecast.judged().ifPresent(trend -> verdict.measure("per_month", trend.perMonth(), quantity.unit()));
        // Days until each level, for graphs and alert rules that want their own horizon.
        forecast.crossings().forEach(crossing -> crossing.date().ifPresent(date -> verdict.measure("days_to_" + (long) crossing.level(),
                ChronoUnit.DAYS.between(forecast.history().getLast().day(), date), "days")));
        return verdict.verdict(forecast.status(), forecast.reason());
    }
}
