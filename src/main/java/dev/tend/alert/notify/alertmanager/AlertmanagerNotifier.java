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

/**
 * POSTs {@code /api/v2/alerts}: one alert per incident, labelled {@code alertname=TendIncident},
 * {@code incident}, {@code platform}, {@code severity}. A firing alert carries an {@code endsAt}
 * a day ahead (Alertmanager would otherwise resolve it after its resolve_timeout); a resolve
 * sends the same labels with {@code endsAt} now, which Alertmanager takes as resolved.
 */
final class AlertmanagerNotifier implements Notifier {
    static final Duration FIRING_FOR = Duration.ofDays(1);
    private final String name;
    private final URI base;
    private final Duration timeout;

    AlertmanagerNotifier(String name, URI base, Duration timeout) {
        this.name = name;
        this.base = base;
        this.timeout = timeout;
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
        return HttpDelivery.post(URI.create(base + "/api/v2/alerts"), JsonColumns.write(List.of(alert(message, now))), Map.of(), timeout);
    }

    static Map<String, Object> alert(Message message, Instant now) {
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
        alert.put("endsAt", (message.type().equals(Message.RESOLVED) || message.type().equals(Message.TEST) ? now : now.plus(FIRING_FOR)).toString());
        return alert;
    }
}
