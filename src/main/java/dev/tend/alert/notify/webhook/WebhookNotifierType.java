package dev.tend.alert.notify.webhook;

import dev.tend.alert.notify.Notifier;
import dev.tend.alert.notify.NotifierType;
import dev.tend.config.Secret;
import dev.tend.config.spec.DurationSpec;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.Fields;
import dev.tend.config.spec.Problems;
import dev.tend.config.spec.SecretSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/** {@code type: webhook}: the notification as JSON, signed the Standard Webhooks way when a secret is given. */
public final class WebhookNotifierType implements NotifierType {

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public String summary() {
        return "an HTTP endpoint that receives each notification as JSON (Standard Webhooks signatures)";
    }

    @Override
    public List<Field> fields() {
        return List.of(
                Field.required("url", new SecretSpec(), "where to POST, a secret: \"${env:HOOK_URL}\" (the URL may carry a token)"),
                Field.optional("secret", new SecretSpec(), "Standard Webhooks secret, whsec_ followed by base64: \"${env:HOOK_SECRET}\""),
                Field.withDefault("timeout", DurationSpec.between(Duration.ofSeconds(1), Duration.ofMinutes(2)), "10s", "how long one attempt may take"));
    }

    @Override
    public Notifier bind(String name, Fields fields, Problems problems) {
        var url = fields.secret("url").orElse(null);
        var secret = fields.secret("secret");
        if (url == null) return null;
        if (url.isResolved() && WebhookNotifier.urlProblem(url.reveal()) != null) {
            problems.at(fields.nodeOf("url"), fields.pathOf("url"), WebhookNotifier.urlProblem(url.reveal()), "e.g. https://hooks.example.com/tend");
            return null;
        }
        if (secret.isPresent() && secret.get().isResolved() && key(secret.get()) == null) {
            problems.at(fields.nodeOf("secret"), fields.pathOf("secret"), "a Standard Webhooks secret is whsec_ followed by base64",
                    "e.g. whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw (openssl rand -base64 32)");
            return null;
        }
        // An unresolved secret (validation without secrets) has no key to read; such a config never sends.
        return new WebhookNotifier(name, url, secret.filter(Secret::isResolved).map(WebhookNotifierType::key), fields.duration("timeout"));
    }

    /** The signing key: the base64 after whsec_, decoded; null when it is not that. */
    static byte[] key(Secret secret) {
        var text = secret.reveal();
        if (!text.startsWith("whsec_")) return null;
        try {
            var key = Base64.getDecoder().decode(text.substring("whsec_".length()));
            return key.length == 0 ? null : key;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
