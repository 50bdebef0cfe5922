package dev.tend.capacity;

import dev.tend.capacity.Quantity.Direction;
import dev.tend.check.Status;
import dev.tend.check.Units;
import dev.tend.report.Document;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quarterly capacity plan: recommendations in sentences first (the runbook plans expansion at
 * 70%), then every forecast in a table, a chart per quantity, and room for the approver's decision.
 */
public final class CapacityReport {
    /** How far ahead a 70% date asks for a plan now: a quarter and a bit, the time an expansion takes to buy and do. */
    static final int PLAN_AHEAD_DAYS = 120;
    static final double PLANNING_LEVEL = 70;

    private CapacityReport() {}

    /** The report as a document and as the figures kept with it. */
    public record Built(Document document, Map<String, Object> data) {}

    public static Built build(String platform, String period, Instant at, List<Forecast> forecasts, CapacitySettings settings) throws IOException {
        var today = LocalDate.ofInstant(at, ZoneOffset.UTC);
        var ordered = forecasts.stream().sorted(Comparator.comparing((Forecast forecast) -> rank(forecast.status()))
                .thenComparing(forecast -> forecast.quantity().target()).thenComparing(forecast -> forecast.quantity().name())).toList();
        var recommendations = new ArrayList<>(ordered.stream().filter(forecast -> forecast.status() != Status.UNKNOWN)
                .map(forecast -> recommendation(forecast, today)).toList());
        var waiting = ordered.stream().filter(forecast -> forecast.status() == Status.UNKNOWN)
                .map(forecast -> forecast.quantity().target() + " " + forecast.quantity().what() + " (" + forecast.history().size() + ")").toList();
        if (!waiting.isEmpty()) {
            recommendations.add("Not forecast yet, too little history (days so far; a trend needs " + settings.minHistoryDays()
                    + "): " + String.join(", ", waiting));
        }
        var document = Document.builder("Capacity plan " + period + " — " + platform,
                "Written " + today + " from the daily history of " + forecasts.size() + " quantities (Theil–Sen trends over the last 30 and 90 days, 95% intervals).");
        document.heading("Recommendations");
        if (forecasts.isEmpty()) document.paragraph("Nothing to forecast yet: Tend forecasts from the daily rollups of the disk, database, memory, bucket and backup checks.");
        document.bullets(recommendations);
        document.heading("Forecasts");
        var rows = new ArrayList<List<String>>();
        for (var forecast : ordered) {
            rows.add(List.of(forecast.quantity().target(), forecast.quantity().what(), forecast.current().isPresent() ? figure(forecast, forecast.current().getAsDouble()) : "-",
                    forecast.judged().map(trend -> Forecaster.perMonth(forecast.quantity(), trend)).orElse("-"), date(forecast, 70), date(forecast, 80),
                    date(forecast, 90), date(forecast, forecast.quantity().direction() == Direction.FALLING ? 0 : 100), forecast.status().name()));
        }
        document.table(List.of("target", "quantity", "now", "growth", "70%", "80%", "90%", "full", "status"), rows);
        // Charts are drawn side by side (each is its own XChart); the document keeps the table's order.
        var charted = ordered.stream().filter(forecast -> forecast.history().size() >= 3).toList();
        var charts = charted.parallelStream().map(CapacityReport::chart).toList();
        for (int index = 0; index < charted.size(); index++) {
            var forecast = charted.get(index);
            document.heading(forecast.quantity().target() + " — " + forecast.quantity().what());
            document.paragraph(forecast.reason());
            document.chart(charts.get(index));
        }
        document.heading("Decision");
        document.paragraph("For the approver (System Administrator): which expansions to make, by when, and the budget. Sign the plan with "
                + "tend report sign capacity --as PERSON --comment \"the decision\"; the signature ticks the checklist's capacity planning item.");
        var data = new LinkedHashMap<String, Object>();
        data.put("kind", "capacity");
        data.put("period", period);
        data.put("writtenAt", at.toString());
        data.put("recommendations", recommendations);
        data.put("forecasts", ordered.stream().map(ForecastData::row).toList());
        return new Built(document.build(), data);
    }

    private static Document.Chart chart(Forecast forecast) {
        try {
            return new Document.Chart(forecast.quantity().target() + " " + forecast.quantity().what() + ": history, trend and levels", ForecastChart.png(forecast));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String recommendation(Forecast forecast, LocalDate today) {
        var quantity = forecast.quantity();
        var what = quantity.target() + ": " + quantity.what();
        if (forecast.status() == Status.UNKNOWN || forecast.current().isEmpty()) return quantity.target() + ": " + forecast.reason();
        var now = figure(forecast, forecast.current().getAsDouble());
        if (quantity.direction() == Direction.FALLING) {
            return forecast.crossing(0).flatMap(Forecast.Crossing::date)
                    .map(date -> what + " reaches zero around " + date + ": the next backup will not fit in about " + ChronoUnit.DAYS.between(today, date)
                            + " days; add space at the destination or keep fewer backups")
                    .orElse(what + " is " + now + " and not shrinking significantly: no action");
        }
        if (quantity.levels().isEmpty()) {
            return forecast.judged().map(trend -> what + " is " + now + ", growing " + Forecaster.perMonth(quantity, trend)
                            + "; Tend knows no capacity for it, so the volume it lives on decides when it is full")
                    .orElse(what + " is " + now + " and not growing significantly: no action");
        }
        var planning = forecast.crossing(PLANNING_LEVEL);
        if (planning.isEmpty()) return what + " is " + now + " and not growing significantly: no action";
        var full = forecast.crossing(100).flatMap(Forecast.Crossing::date).map(date -> "; full around " + date).orElse("");
        if (planning.get().reached()) {
            return what + " is at " + now + ", past the runbook's 70% planning level" + full + ": expand it this quarter";
        }
        var date = planning.get().date().orElseThrow();
        return ChronoUnit.DAYS.between(today, date) <= PLAN_AHEAD_DAYS
                ? what + " reaches 70% around " + date + ": plan its expansion now, as the runbook says at 70%" + full
                : what + " reaches 70% around " + date + ": nothing to plan this quarter";
    }

    private static int rank(Status status) {
        return switch (status) {
            case CRIT -> 0;
            case WARN -> 1;
            case UNKNOWN -> 3;
            case OK -> 2;
        };
    }

    private static String figure(Forecast forecast, double value) {
        return forecast.quantity().percent() ? Units.percent(value) : Units.bytes(value);
    }

    private static String date(Forecast forecast, double level) {
        if (!forecast.quantity().levels().contains(level)) return "-";
        return forecast.crossing(level).map(crossing -> crossing.reached() ? "reached" : crossing.date().map(LocalDate::toString).orElse("never"))
                .orElse("-");
    }
}
