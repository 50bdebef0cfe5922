package dev.tend.web;

import dev.tend.check.CheckResult;
import java.util.List;
import java.util.Locale;

/**
 * A check's history as an inline SVG, drawn on the server (no script, no chart library): its
 * duration over time as a line, and under it a strip with one bar per result in its status's
 * colour. Times run left to right, oldest first.
 */
final class HistoryChart {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 180;
    private static final int STRIP = 14;

    private HistoryChart() {}

    /** @param newestFirst results as ResultHistory.history returns them */
    static String svg(List<CheckResult> newestFirst) {
        var results = newestFirst.reversed();
        var out = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + WIDTH + " " + (HEIGHT + STRIP + 24)
                + "\" width=\"100%\" role=\"img\" aria-label=\"duration and status of the last " + results.size() + " results\">");
        if (results.isEmpty()) return out.append("<text x=\"10\" y=\"20\">no results yet</text></svg>").toString();
        double max = Math.max(1, results.stream().mapToLong(result -> result.duration().toMillis()).max().orElse(1));
        double step = results.size() == 1 ? 0 : (double) (WIDTH - 20) / (results.size() - 1);
        var line = new StringBuilder();
        for (int i = 0; i < results.size(); i++) {
            double x = 10 + i * step;
            double y = 10 + (HEIGHT - 20) * (1 - results.get(i).duration().toMillis() / max);
            line.append(i == 0 ? "M" : " L").append(format(x)).append(',').append(format(y));
        }
        out.append("<line x1=\"10\" y1=\"10\" x2=\"").append(WIDTH - 10).append("\" y2=\"10\" stroke=\"#d0d7de\"/>")
                .append("<text x=\"12\" y=\"22\" font-size=\"11\" fill=\"#57606a\">").append((long) max).append(" ms</text>")
                .append("<path d=\"").append(line).append("\" fill=\"none\" stroke=\"#0969da\" stroke-width=\"1.5\"/>");
        double bar = Math.max(1, (double) (WIDTH - 20) / results.size());
        for (int i = 0; i < results.size(); i++) {
            var result = results.get(i);
            out.append("<rect x=\"").append(format(10 + i * bar)).append("\" y=\"").append(HEIGHT).append("\" width=\"").append(format(Math.max(1, bar - 0.5)))
                    .append("\" height=\"").append(STRIP).append("\" fill=\"").append(colour(result.status())).append("\"><title>")
                    .append(result.startedAt()).append(' ').append(result.status()).append("</title></rect>");
        }
        out.append("<text x=\"10\" y=\"").append(HEIGHT + STRIP + 18).append("\" font-size=\"11\" fill=\"#57606a\">").append(results.getFirst().startedAt())
                .append("</text><text x=\"").append(WIDTH - 10).append("\" y=\"").append(HEIGHT + STRIP + 18)
                .append("\" font-size=\"11\" fill=\"#57606a\" text-anchor=\"end\">").append(results.getLast().startedAt()).append("</text>");
        return out.append("</svg>").toString();
    }

    static String colour(dev.tend.check.Status status) {
        return switch (status) {
            case OK -> "#1a7f37";
            case WARN -> "#bf8700";
            case CRIT -> "#d1242f";
            case UNKNOWN -> "#8c959f";
        };
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
