package dev.tend.alert.notify.pagerduty;

import dev.tend.alert.notify.Delivery;
import dev.tend.alert.notify.HttpDelivery;
import dev.tend.alert.notify.Message;
import dev.tend.alert.notify.Notifier;
import dev.tend.config.Secret;
import dev.tend.store.JsonColumns;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Events API v2: a triggered incident is {@code trigger}, an acknowledged one {@code acknowledge},
 * a resolved one {@code resolve}, all with {@code dedup_key} = the incident, so PagerDuty keeps
 * one incident per Tend incident and a retried trigger opens nothing new. 202 is queued; 400 is
 * final; 429 and 5xx are tried again (HttpDelivery's rules).
 */
final class PagerDutyNotifier implements Notifier {
    private final String name;
    private final Secret routingKey;
    private final URI url;
    private final Duration timeout;

    PagerDutyNotifier(String name, Secret routingKey, URI url, Duration timeout) {
        this.name = name;
        this.routingKey = routingKey;
        this.url = url;
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
    public Duration attemptBound() {
        return timeout.multipliedBy(2); // connecting, then the exchange
    }

    @Override
    public String describe() {
        return "pagerduty " + url.getHost();
    }

    @Override
    public Delivery send(Message message, Instant now) {
        return HttpDelivery.post(url, JsonColumns.write(event(message, routingKey.reveal())), Map.of(), timeout);
    }

    static Map<String, Object> event(Message message, String routingKey) {
        var event = new LinkedHashMap<String, Object>();
        event.put("routing_key", routingKey);
        event.put("event_action", switch (message.type()) {
            case Message.ACKNOWLEDGED -> "acknowledge";
            case Message.RESOLVED -> "resolve";
            default -> "trigger";
        });
        event.put("dedup_key", message.type().equals(Message.TEST) ? message.idempotencyKey() : "tend-" + message.platform().replaceAll("[^A-Za-z0-9]+", "-") + "-incident-" + message.incident().id());
        if (event.get("event_action").equals("trigger")) {
            var payload = new LinkedHashMap<String, Object>();
            payload.put("summary", truncate(message.headline(), 1024));
            payload.put("source", message.alerts().isEmpty() ? message.platform() : message.alerts().get(0).subject());
            payload.put("severity", message.incident().severity().equals("CRITICAL") ? "critical" : "warning");
            payload.put("timestamp", message.at().toString());
            payload.put("custom_details", Map.of("detail", message.detail(), "alerts", message.alerts()));
            event.put("payload", payload);
        }
        return event;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
