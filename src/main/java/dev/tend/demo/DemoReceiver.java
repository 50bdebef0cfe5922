package dev.tend.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The demo's far end of notifications: an on-call webhook ({@code /hooks/oncall}) that checks the
 * Standard Webhooks signature, and the users' webhook ({@code /hooks/users}) for announcements.
 * It keeps what arrived, so the demo can show it.
 */
final class DemoReceiver implements AutoCloseable {
    /** One request as it arrived: the hook, the signature verdict, and the body. */
    record Received(String hook, boolean signed, boolean signatureValid, String body) {}

    private final HttpServer server;
    private final byte[] key = new byte[24];
    private final List<Received> received = new ArrayList<>();

    DemoReceiver() throws IOException {
        new SecureRandom().nextBytes(key);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks/oncall", exchange -> accept("oncall", exchange));
        server.createContext("/hooks/users", exchange -> accept("users", exchange));
        server.start();
    }

    /** The secret, as Standard Webhooks writes it: whsec_ and the key in base64. */
    String secret() {
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    String url(String hook) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + hook;
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    private void accept(String hook, HttpExchange exchange) throws IOException {
        var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var headers = exchange.getRequestHeaders();
        var signature = headers.getFirst("webhook-signature");
        boolean valid = signature != null && verify(headers.getFirst("webhook-id") + "." + headers.getFirst("webhook-timestamp") + "." + body, signature);
        synchronized (this) {
            received.add(new Received(hook, signature != null, valid, body));
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    private boolean verify(String content, String signature) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            var expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
