package dev.tend.alert.notify.alertmanager;

import dev.tend.alert.notify.Notifier;
import dev.tend.alert.notify.NotifierType;
import dev.tend.config.spec.DurationSpec;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.Fields;
import dev.tend.config.spec.Problems;
import dev.tend.config.spec.StringSpec;
import dev.tend.target.HttpUrls;
import java.net.URI;
import java.time.Duration;
import java.util.List;

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
                        "how often an open incident's alert is sent again; Alertmanager lets it lapse four of these after the last"));
    }

    @Override
    public Notifier bind(String name, Fields fields, Problems problems) {
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
        return new AlertmanagerNotifier(name, URI.create(url.replaceFirst("/+$", "")), fields.duration("timeout"), fields.duration("resendEvery"));
    }
}
