package dev.tend.capacity;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One quantity's chart: the daily history, the judged trend carried forward with its 95% interval,
 * and the levels it heads for. Drawn headless to PNG.
 */
public final class ForecastChart {
    private static final int AHEAD_DAYS = 120;

    private ForecastChart() {}

    public static byte[] png(Forecast forecast) throws IOException {
        var quantity = forecast.quantity();
        var chart = new XYChartBuilder().width(760).height(300).title(quantity.target() + " — " + quantity.what())
                .xAxisTitle("day").yAxisTitle(quantity.percent() ? "%" : quantity.unit()).build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        chart.getStyler().setDatePattern("yyyy-MM-dd");
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        double largest = forecast.history().stream().mapToDouble(day -> Math.abs(day.value())).max().orElse(1);
        double scale = quantity.percent() ? 1 : largest >= 1e9 ? 1e9 : largest >= 1e6 ? 1e6 : 1e3;
        if (!quantity.percent()) chart.setYAxisTitle(scale == 1e9 ? "GB" : scale == 1e6 ? "MB" : "kB");
        var days = forecast.history().stream().map(day -> date(day.day())).toList();
        var values = forecast.history().stream().map(day -> day.value() / scale).toList();
        var history = chart.addSeries("daily " + (quantity.direction() == Quantity.Direction.RISING ? "peak" : "low"), days, values);
        history.setMarker(SeriesMarkers.CIRCLE);
        history.setLineColor(new Color(0x1d, 0x4e, 0x89));
        history.setMarkerColor(new Color(0x1d, 0x4e, 0x89));
        var today = forecast.history().getLast().day();
        forecast.judged().ifPresent(trend -> {
            var ahead = List.of(date(today.minusDays(trend.window() - 1L)), date(today), date(today.plusDays(AHEAD_DAYS)));
            line(chart, "trend (" + trend.window() + " days)", ahead, trend.today(), trend.perDay(), trend.window(), scale, new Color(0xd9, 0x48, 0x1c), false);
            line(chart, "95% interval", ahead.subList(1, 3), trend.today(), trend.low(), 0, scale, new Color(0xe8, 0x9a, 0x80), true);
            line(chart, "95% interval ", ahead.subList(1, 3), trend.today(), trend.high(), 0, scale, new Color(0xe8, 0x9a, 0x80), true).setShowInLegend(false);
        });
        if (forecast.judged().isPresent()) {
            var span = List.of(days.getFirst(), date(today.plusDays(AHEAD_DAYS)));
            for (var level : quantity.levels()) {
                var series = chart.addSeries(Forecaster.levelName(quantity, level), span, List.of(level / scale, level / scale));
                series.setMarker(SeriesMarkers.NONE);
                series.setLineColor(level >= 100 || quantity.direction() == Quantity.Direction.FALLING ? Color.RED : Color.GRAY);
                series.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 4f}, 0f));
            }
        }
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }

    /** A straight line through (today, value today) with the slope; {@code back} days drawn into the past as well. */
    private static XYSeries line(XYChart chart, String name, List<Date> at, double today, double perDay, int back, double scale, Color color, boolean dashed) {
        var values = new ArrayList<Double>();
        if (at.size() == 3) values.add((today - perDay * (back - 1)) / scale);
        values.add(today / scale);
        values.add((today + perDay * AHEAD_DAYS) / scale);
        var series = chart.addSeries(name, at, values);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        if (dashed) series.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        return series;
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
