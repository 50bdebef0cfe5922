package dev.tend.alert.notify.webhook;

import dev.tend.alert.notify.Delivery;
import dev.tend.alert.notify.HttpDelivery;
import dev.tend.alert.notify.Message;
import dev.tend.alert.notify.Notifier;
import dev.tend.config.Secret;
import dev.tend.store.JsonColumns;
import dev.tend.target.HttpUrls;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs the message as JSON. With a secret, signs it per Standard Webhooks: {@code webhook-id} (the
 * idempotency key), {@code webhook-timestamp} (seconds), {@code webhook-signature: v1,<base64
 * HMAC-SHA256 of id.timestamp.body>}, so the receiver can check origin, integrity and replays.
 */
final class WebhookNotifier implements Notifier {
    private final String name;
    private final Secret url;
    private final Optional<byte[]> key;
    private final Duration timeout;

    WebhookNotifier(String name, Secret url, Optional<byte[]> key, Duration timeout) {
        this.name = name;
        this.url = url;
        this.key = key;
        this.timeout = timeout;
    }

    static String urlProblem(String text) {
        try {
            return HttpUrls.problem(URI.create(text));
        } catch (IllegalArgumentException e) {
            return "not a URL";
        }
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
        return "webhook " + HttpDelivery.where(url) + (key.isPresent() ? ", signed" : "");
    }

    @Override
    public Delivery send(Message message, Instant now) {
        var body = JsonColumns.write(message);
        var headers = new LinkedHashMap<String, String>();
        headers.put("webhook-id", message.idempotencyKey());
        var timestamp = String.valueOf(now.getEpochSecond());
        headers.put("webhook-timestamp", timestamp);
        key.ifPresent(bytes -> headers.put("webhook-signature", "v1," + sign(bytes, message.idempotencyKey() + "." + timestamp + "." + body)));
        return HttpDelivery.post(URI.create(url.reveal()), body, headers, timeout);
    }

    static String sign(byte[] key, String content) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no HMAC-SHA256", e);
        }
    }
}
