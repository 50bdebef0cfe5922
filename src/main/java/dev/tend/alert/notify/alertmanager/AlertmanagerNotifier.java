package dev.tend.alert.notify.alertmanager;

import dev.tend.alert.notify.Delivery;
import dev.tend.alert.notify.HttpDelivery;
import dev.tend.alert.notify.Message;
import dev.tend.alert.notify.Notifier;
import dev.tend.store.JsonColumns;
import dev.tend.target.HttpUrls;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * POSTs {@code /api/v2/alerts}: one alert per incident, labelled {@code alertname=TendIncident},
 * {@code incident}, {@code platform}, {@code severity}. As Prometheus does, a firing alert
 * carries an {@code endsAt} four re-sends ahead and is sent again every {@code resendEvery} while
 * the incident is open, so Alertmanager keeps it exactly as long as Tend does (and lets it lapse
 * if Tend stops telling); a resolve sends the same labels with {@code endsAt} now, which
 * Alertmanager takes as resolved. Windows named under {@code silences} become Alertmanager
 * silences with their matchers, for the Prometheus alerts routed through it.
 */
final class AlertmanagerNotifier implements Notifier {
    private final String name;
    private final URI base;
    private final Duration timeout;
    private final Duration resendEvery;
    private final Map<String, Map<String, String>> silences;

    /** @param silences per mirrored window, the label matchers of its silence */
    AlertmanagerNotifier(String name, URI base, Duration timeout, Duration resendEvery, Map<String, Map<String, String>> silences) {
        this.name = name;
        this.base = base;
        this.timeout = timeout;
        this.resendEvery = resendEvery;
        this.silences = Map.copyOf(silences);
    }

    @Override
    public List<String> mirroredWindows() {
        return List.copyOf(silences.keySet());
    }

    @Override
    public Duration attemptBound() {
        return timeout.multipliedBy(2);
    }

    @Override
    public Optional<Duration> refreshEvery() {
        return Optional.of(resendEvery);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean announces() {
        return false;
    }

    @Override
    public String describe() {
        return "alertmanager " + HttpUrls.origin(base);
    }

    @Override
    public Delivery send(Message message, Instant now) {
        if (message.type().equals(Message.SILENCE)) {
            var window = message.window().orElseThrow();
            var matchers = silences.get(window.name());
            if (matchers == null) return new Delivery.Refused("window " + window.name() + " is no longer mirrored by " + name);
            return HttpDelivery.post(URI.create(base + "/api/v2/silences"), JsonColumns.write(silence(window, matchers)), Map.of(), timeout);
        }
        return HttpDelivery.post(URI.create(base + "/api/v2/alerts"), JsonColumns.write(List.of(alert(message, now, resendEvery.multipliedBy(4)))),
                Map.of(), timeout);
    }

    static Map<String, Object> silence(Message.WindowView window, Map<String, String> matchers) {
        var silence = new LinkedHashMap<String, Object>();
        silence.put("matchers", matchers.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(matcher -> Map.of("name", matcher.getKey(), "value", matcher.getValue(), "isRegex", false, "isEqual", true)).toList());
        silence.put("startsAt", window.start().toString());
        silence.put("endsAt", window.end().toString());
        silence.put("createdBy", "tend");
        silence.put("comment", "maintenance window " + window.name() + " (from Tend's calendar)");
        return silence;
    }

    static Map<String, Object> alert(Message message, Instant now, Duration firingFor) {
        var labels = new LinkedHashMap<String, String>();
        labels.put("alertname", message.type().equals(Message.TEST) ? "TendTest" : "TendIncident");
        labels.put("incident", String.valueOf(message.incident().id()));
        labels.put("platform", message.platform());
        labels.put("severity", message.incident().severity().toLowerCase());
        var annotations = new LinkedHashMap<String, String>();
        annotations.put("summary", message.incident().title());
        annotations.put("description", message.headline() + (message.detail().isEmpty() ? "" : "\n" + message.detail()));
        var alert = new LinkedHashMap<String, Object>();
        alert.put("labels", labels);
        alert.put("annotations", annotations);
        alert.put("startsAt", message.incident().openedAt().toString());
        alert.put("endsAt", (message.type().equals(Message.RESOLVED) || message.type().equals(Message.TEST) ? now : now.plus(firingFor)).toString());
        return alert;
    }
}
