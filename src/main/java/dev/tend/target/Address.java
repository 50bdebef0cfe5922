package dev.tend.target;

import java.net.InetSocketAddress;

/** A host and port written as "host:port" (IPv6 as "[::1]:5432"). */
public record Address(String host, int port) {

    /** Parses "host:port"; returns null when it is not of that form. */
    public static Address parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) return null;
        var host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            return null; // an IPv6 address needs brackets, or "::1" would read as host ":" port 1
        }
        try {
            int port = Integer.parseInt(text.substring(colon + 1));
            return port < 1 || port > 65535 || host.isBlank() ? null : new Address(host, port);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** As {@link #parse}, and port 0 too: where a server listens, 0 meaning any free port. */
    public static Address parseListen(String text) {
        if (!text.endsWith(":0")) return parse(text);
        var any = parse(text.substring(0, text.length() - 2) + ":1");
        return any == null ? null : new Address(any.host(), 0);
    }

    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(host, port);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
