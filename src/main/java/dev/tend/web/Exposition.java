package dev.tend.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Prometheus text exposition format (0.0.4), written by hand: Tend's metrics are the state of
 * its store read at scrape time, so there is no meter to register, only families to print. Label
 * values are escaped as the format says; each family is printed once with its HELP and TYPE.
 */
final class Exposition {
    private final Map<String, Family> families = new LinkedHashMap<>();

    private record Family(String name, String type, String help, List<String> samples) {}

    Exposition gauge(String name, String help) {
        families.putIfAbsent(name, new Family(name, "gauge", help, new ArrayList<>()));
        return this;
    }

    Exposition counter(String name, String help) {
        families.putIfAbsent(name, new Family(name, "counter", help, new ArrayList<>()));
        return this;
    }

    /** @param labels name, value, name, value, … */
    void sample(String family, double value, String... labels) {
        var out = new StringBuilder(family);
        if (labels.length > 0) {
            out.append('{');
            for (int i = 0; i < labels.length; i += 2) {
                if (i > 0) out.append(',');
                out.append(labels[i]).append("=\"").append(escape(labels[i + 1])).append('"');
            }
            out.append('}');
        }
        out.append(' ').append(format(value));
        families.get(family).samples().add(out.toString());
    }

    String text() {
        var out = new StringBuilder();
        for (var family : families.values()) {
            out.append("# HELP ").append(family.name()).append(' ').append(family.help().replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
            out.append("# TYPE ").append(family.name()).append(' ').append(family.type()).append('\n');
            family.samples().forEach(sample -> out.append(sample).append('\n'));
        }
        return out.toString();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String format(double value) {
        if (Double.isNaN(value)) return "NaN";
        if (value == Math.rint(value) && Math.abs(value) < 1e15) return Long.toString((long) value);
        return Double.toString(value);
    }
}
