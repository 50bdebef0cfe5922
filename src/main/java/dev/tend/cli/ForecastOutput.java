package dev.tend.cli;

import dev.tend.capacity.Forecast;
import dev.tend.check.Units;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** {@code tend forecast}'s table and JSON. */
final class ForecastOutput {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ForecastOutput() {}

    static void print(List<Forecast> forecasts, boolean json, PrintWriter out) {
        if (json) {
            out.println(JSON.writeValueAsString(Map.of("forecasts", forecasts.stream().map(dev.tend.capacity.ForecastData::row).toList())));
            return;
        }
        if (forecasts.isEmpty()) {
            out.println("no forecast yet: forecasts read the daily rollups of disk, database, memory and backup measurements, "
                    + "which tend check and tend serve record");
            return;
        }
        out.printf("%-7s %-16s %-30s %-9s %-15s %-11s %-11s %s%n", "STATUS", "TARGET", "QUANTITY", "NOW", "PER MONTH", "AT 80%", "FULL", "");
        for (var forecast : forecasts) {
            var quantity = forecast.quantity();
            out.printf("%-7s %-16s %-30s %-9s %-15s %-11s %-11s%n", forecast.status(), quantity.target(), quantity.checkName(),
                    forecast.current().isPresent() ? figure(forecast, forecast.current().getAsDouble()) : "-",
                    forecast.judged().map(trend -> dev.tend.capacity.Forecaster.perMonth(forecast.quantity(), trend).replace(" a month", "")).orElse("-"),
                    date(forecast, forecast.quantity().percent() ? 80.0 : 0.0), date(forecast, 100.0));
        }
        forecasts.stream().filter(forecast -> !forecast.status().isOk())
                .forEach(forecast -> out.println(forecast.status() + " " + forecast.quantity().target() + " " + forecast.quantity().checkName() + ": "
                        + forecast.reason()));
    }

    private static String figure(Forecast forecast, double value) {
        return forecast.quantity().percent() ? Units.percent(value) : Units.bytes(value);
    }

    private static String date(Forecast forecast, double level) {
        return forecast.crossing(level).map(crossing -> crossing.reached() ? "reached" : crossing.date().map(LocalDate::toString).orElse("never"))
                .orElse("-");
    }
}
