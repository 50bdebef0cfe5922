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
        int targets = Math.max(6, forecasts.stream().mapToInt(forecast -> forecast.quantity().target().length()).max().orElse(0));
        int names = Math.max(8, forecasts.stream().mapToInt(forecast -> forecast.quantity().checkName().length()).max().orElse(0));
        var row = "%-7s %-" + targets + "s %-" + names + "s %-9s %-15s %-11s %s%n";
        out.printf(row, "STATUS", "TARGET", "QUANTITY", "NOW", "PER MONTH", "AT 80%", "FULL");
        for (var forecast : forecasts) {
            var quantity = forecast.quantity();
            out.printf(row, forecast.status(), quantity.target(), quantity.checkName(),
                    forecast.current().isPresent() ? figure(forecast, forecast.current().getAsDouble()) : "-",
                    forecast.judged().map(trend -> dev.tend.capacity.Forecaster.perMonth(forecast.quantity(), trend).replace(" a month", "")).orElse("-"),
                    date(forecast, forecast.quantity().percent() ? 80.0 : 0.0), date(forecast, 100.0));
        }
        forecasts.stream().filter(forecast -> !forecast.status().isOk() && forecast.status() != dev.tend.check.Status.UNKNOWN)
                .forEach(forecast -> out.println(forecast.status() + " " + forecast.quantity().target() + " " + forecast.quantity().checkName() + ": "
                        + forecast.reason()));
        var waiting = forecasts.stream().filter(forecast -> forecast.status() == dev.tend.check.Status.UNKNOWN).toList();
        if (!waiting.isEmpty()) {
            out.println(waiting.size() + " not forecast yet, too little history (days so far): " + String.join(", ", waiting.stream()
                    .map(forecast -> forecast.quantity().target() + " " + forecast.quantity().checkName().substring("forecast:".length())
                            + " (" + forecast.history().size() + ")").toList()));
        }
    }

    private static String figure(Forecast forecast, double value) {
        return forecast.quantity().percent() ? Units.percent(value) : Units.bytes(value);
    }

    private static String date(Forecast forecast, double level) {
        return forecast.crossing(level).map(crossing -> crossing.reached() ? "reached" : crossing.date().map(LocalDate::toString).orElse("never"))
                .orElse("-");
    }
}
