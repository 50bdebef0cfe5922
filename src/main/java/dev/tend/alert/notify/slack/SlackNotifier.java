package dev.tend.alert.notify.slack;

import dev.tend.alert.notify.Delivery;
import dev.tend.alert.notify.HttpDelivery;
import dev.tend.alert.notify.Message;
import dev.tend.alert.notify.Notifier;
import dev.tend.config.Secret;
import dev.tend.store.JsonColumns;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Posts to a Slack incoming webhook. The payload always has a top-level {@code text} (what
 * notifications and clients without blocks show); the alerts follow as lines of it.
 */
final class SlackNotifier implements Notifier {
    private final String name;
    private final Secret url;
    private final Duration timeout;

    SlackNotifier(String name, Secret url, Duration timeout) {
        this.name = name;
        this.url = url;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Duration attemptBound() {
        return timeout.multipliedBy(2); // connecting, then the exchange
    }

    @Override
    public String describe() {
        return "slack " + HttpDelivery.where(url);
    }

    @Override
    public Delivery send(Message message, Instant now) {
        return HttpDelivery.post(URI.create(url.reveal()), JsonColumns.write(Map.of("text", text(message))), Map.of(), timeout);
    }

    static String text(Message message) {
        var text = new StringBuilder(message.headline());
        if (!message.addressees().isEmpty()) {
            text.append("\n").append(String.join(" ", message.addressees().stream().map(a -> a.slack().orElse(a.name())).toList()));
        }
        if (!message.detail().isEmpty() && !message.type().equals(Message.TRIGGERED)) text.append("\n").append(message.detail());
        message.alerts().forEach(alert -> text.append("\n• ").append(alert.subject()).append('/').append(alert.name()).append(": ")
                .append(alert.state()).append(" — ").append(alert.reason()));
        return text.toString();
    }
}
