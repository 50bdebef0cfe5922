package dev.tend.web;

import dev.tend.schedule.ServeSection;
import dev.tend.schedule.ServeSettings;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who is on the other end of a request: the peer, or — when the peer is one of
 * {@code serve.trustedProxies} — the nearest address in {@code X-Forwarded-For} that is not a
 * trusted proxy. A client cannot claim an address by sending the header itself: entries are read
 * from the right, and only as far as trusted proxies vouch for them.
 */
final class ClientAddress {
    private static final Pattern LITERAL = Pattern.compile(ServeSettings.IP_LITERAL);

    private ClientAddress() {}

    static String of(WebContext context, Context ctx) {
        return of(ctx.ip(), ctx.header("X-Forwarded-For"), ServeSection.of(context.config()).trustedProxies());
    }

    static String of(String peer, String forwardedFor, List<String> trusted) {
        if (trusted.isEmpty() || forwardedFor == null || !isTrusted(peer, trusted)) return peer;
        var hops = forwardedFor.split(",");
        var client = peer;
        for (int index = hops.length - 1; index >= 0; index--) {
            var hop = hops[index].strip();
            if (!LITERAL.matcher(hop).matches()) return client; // not an address: nothing to the left of it can be believed
            client = hop;
            if (!isTrusted(hop, trusted)) return hop;
        }
        return client;
    }

    private static boolean isTrusted(String address, List<String> trusted) {
        var parsed = parse(address);
        return parsed != null && trusted.stream().map(ClientAddress::parse).anyMatch(parsed::equals);
    }

    private static InetAddress parse(String literal) {
        if (literal == null || !LITERAL.matcher(literal).matches()) return null;
        try {
            return InetAddress.getByName(literal); // a literal: parsed, no lookup
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
