package dev.tend.capacity;

import dev.tend.check.Check;
import dev.tend.check.Status;
import dev.tend.check.Verdict;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * {@code forecast:QUANTITY}: WARN when the set level is forecast within warnWithin, CRIT within
 * critWithin or when full. A quantity still gathering its first days of history is OK, saying so:
 * there is nothing to forecast yet, and a check that is not OK for the first two weeks of every new
 * quantity fails runbooks' health checks and pages on call for nothing (the forecast itself, in
 * reports and {@code tend forecast}, stays "not forecast yet").
 */
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
        if (forecast.status() == Status.UNKNOWN) return verdict.verdict(Status.OK, forecast.reason() + ": no forecast yet");
        return verdict.verdict(forecast.status(), forecast.reason());
    }
}
