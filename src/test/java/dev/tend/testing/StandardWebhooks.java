package dev.tend.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The receiving side of a Standard Webhooks signature, as a test's receiver checks it. */
public final class StandardWebhooks {
    private StandardWebhooks() {}

    /** base64 HMAC-SHA256 of {@code content} ("id.timestamp.body") under a {@code whsec_} secret. */
    public static String sign(String secret, String content) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
