package dev.tend.capacity;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A forecast as JSON-ready maps: what tend forecast --json prints and the capacity report keeps. */
public final class ForecastData {
    private ForecastData() {}

    public static Map<String, Object> row(Forecast forecast) {
        var quantity = forecast.quantity();
        var row = new LinkedHashMap<String, Object>();
        row.put("target", quantity.target());
        row.put("check", quantity.checkName());
        row.put("quantity", quantity.what());
        row.put("unit", quantity.unit());
        row.put("status", forecast.status().name());
        row.put("reason", forecast.reason());
        row.put("current", forecast.current().isPresent() ? forecast.current().getAsDouble() : null);
        row.put("days", forecast.history().size());
        row.put("trend30", forecast.trend30().map(ForecastData::trend).orElse(null));
        row.put("trend90", forecast.trend90().map(ForecastData::trend).orElse(null));
        row.put("judged", forecast.judged().map(Forecast.Trend::window).orElse(null));
        row.put("levels", forecast.crossings().stream().map(crossing -> {
            var level = new LinkedHashMap<String, Object>();
            level.put("level", crossing.level());
            level.put("reached", crossing.reached());
            level.put("date", text(crossing.date()));
            level.put("earliest", text(crossing.earliest()));
            level.put("latest", text(crossing.latest()));
            return level;
        }).toList());
        return row;
    }

    private static Map<String, Object> trend(Forecast.Trend trend) {
        var map = new LinkedHashMap<String, Object>();
        map.put("window", trend.window());
        map.put("points", trend.points());
        map.put("today", trend.today());
        map.put("perDay", trend.perDay());
        map.put("perDayLow", trend.low());
        map.put("perDayHigh", trend.high());
        map.put("perMonth", trend.perMonth());
        return map;
    }

    private static String text(Optional<LocalDate> date) {
        return date.map(LocalDate::toString).orElse(null);
    }
}
