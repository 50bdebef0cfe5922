package dev.tend.alert.notify.alertmanager;

import dev.tend.alert.notify.Notifier;
import dev.tend.alert.notify.NotifierType;
import dev.tend.config.spec.DurationSpec;
import dev.tend.config.spec.ListSpec;
import dev.tend.config.spec.MapSpec;
import dev.tend.config.spec.ObjectSpec;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.Fields;
import dev.tend.config.spec.Problems;
import dev.tend.config.spec.StringSpec;
import dev.tend.target.HttpUrls;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code type: alertmanager}: each incident as one alert in a Prometheus Alertmanager, for teams whose routing lives there. */
public final class AlertmanagerNotifierType implements NotifierType {

    @Override
    public String name() {
        return "alertmanager";
    }

    @Override
    public String summary() {
        return "a Prometheus Alertmanager: one alert (alertname TendIncident) per incident, resolved with it";
    }

    @Override
    public List<Field> fields() {
        return List.of(
                Field.required("url", StringSpec.any(), "the Alertmanager, e.g. http://alertmanager:9093"),
                Field.withDefault("timeout", DurationSpec.between(Duration.ofSeconds(1), Duration.ofMinutes(2)), "10s", "how long one attempt may take"),
                Field.withDefault("resendEvery", DurationSpec.between(Duration.ofSeconds(10), Duration.ofHours(6)), "5m",
                        "how often an open incident's alert is sent again; Alertmanager lets it lapse four of these after the last"),
                Field.withDefault("silences", ListSpec.of(ObjectSpec.of("a maintenance window mirrored as an Alertmanager silence",
                        Field.required("window", StringSpec.any(), "the window (under windows:)"),
                        Field.required("matchers", new MapSpec(StringSpec.matching("(?s).+", "a value, not empty")), "label: value pairs the silence matches, e.g. {env: prod}"))),
                        "[]", "silences: [{window: weekly, matchers: {env: prod}}]"));
    }

    @Override
    public Notifier bind(String name, Fields fields, Problems problems) {
        return bind(name, fields, problems, section -> java.util.Set.of());
    }

    @Override
    public Notifier bind(String name, Fields fields, Problems problems, java.util.function.Function<String, java.util.Set<String>> names) {
        var silences = silences(fields, problems, names.apply("windows"));
        var url = fields.string("url");
        if (url == null) return null;
        String problem;
        try {
            problem = HttpUrls.problem(URI.create(url));
        } catch (IllegalArgumentException e) {
            problem = "not a URL";
        }
        if (problem != null) {
            problems.at(fields.nodeOf("url"), fields.pathOf("url"), problem, "e.g. http://alertmanager:9093");
            return null;
        }
        if (silences == null) return null;
        return new AlertmanagerNotifier(name, URI.create(url.replaceFirst("/+$", "")), fields.duration("timeout"), fields.duration("resendEvery"), silences);
    }

    /** Window name to matchers, or null after reporting an unknown window or a label Alertmanager would refuse. */
    private static Map<String, Map<String, String>> silences(Fields fields, Problems problems, java.util.Set<String> windows) {
        var silences = new java.util.LinkedHashMap<String, Map<String, String>>();
        boolean valid = true;
        List<Fields> entries = fields.list("silences");
        for (var entry : entries == null ? List.<Fields>of() : entries) {
            if (entry == null || entry.string("window") == null || entry.value("matchers") == null) {
                valid = false;
                continue;
            }
            var window = entry.string("window");
            if (!windows.contains(window)) {
                problems.at(entry.nodeOf("window"), entry.pathOf("window"), "no window named '" + window + "'",
                        windows.isEmpty() ? "define it under windows:" : "windows: " + String.join(", ", new java.util.TreeSet<>(windows)));
                valid = false;
            } else if (silences.containsKey(window)) {
                problems.at(entry.nodeOf("window"), entry.pathOf("window"), "window '" + window + "' is mirrored twice", "give each window once");
                valid = false;
            }
            Map<String, Object> matchers = entry.value("matchers");
            var labels = new java.util.TreeMap<String, String>();
            for (var matcher : matchers.entrySet()) {
                if (!matcher.getKey().matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
                    problems.at(entry.nodeOf("matchers"), entry.pathOf("matchers") + "." + matcher.getKey(),
                            "'" + matcher.getKey() + "' is not a label name Alertmanager accepts", "letters, digits and '_', not starting with a digit");
                    valid = false;
                }
                if (matcher.getValue() instanceof String value) labels.put(matcher.getKey(), value);
                else valid = false;
            }
            if (matchers.isEmpty()) {
                problems.at(entry.nodeOf("matchers"), entry.pathOf("matchers"), "a silence needs at least one matcher",
                        "e.g. matchers: {env: prod}; an empty one would silence everything");
                valid = false;
            }
            silences.put(window, labels);
        }
        return valid ? silences : null;
    }
}
