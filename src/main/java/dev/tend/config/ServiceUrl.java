package dev.tend.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A service URL such as {@code postgresql://user@db:5432/app?sslmode=require}. Parsed by hand:
 * {@link java.net.URI} drops host names containing '_', which Docker Compose service names often
 * have. Credentials in the URL are refused — they would end up in output and logs.
 */
public record ServiceUrl(String scheme, Optional<String> user, String host, int port, String path, Map<String, String> query) {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+]");

    /** The parsed URL, or what is wrong with it. */
    public record Parsed(ServiceUrl url, String problem) {
        static Parsed fail(String problem) {
            return new Parsed(null, problem);
        }
    }

    public static Parsed parse(String text, Set<String> schemes, int defaultPort) {
        int separator = text.indexOf("://");
        var scheme = separator < 0 ? "" : text.substring(0, separator).toLowerCase(java.util.Locale.ROOT);
        if (!schemes.contains(scheme)) {
            return Parsed.fail("the URL must start with " + String.join(" or ", schemes.stream().map(s -> s + "://").sorted().toList()));
        }
        var rest = text.substring(separator + 3);
        if (rest.contains("#")) return Parsed.fail("the URL has a #fragment, which a service URL cannot use");
        int queryStart = rest.indexOf('?');
        var query = queryStart < 0 ? "" : rest.substring(queryStart + 1);
        rest = queryStart < 0 ? rest : rest.substring(0, queryStart);

        // User info ends at the last '@' before the query, even when a password in it holds '/'.
        Optional<String> user = Optional.empty();
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            var userInfo = rest.substring(0, at);
            if (userInfo.contains(":")) return Parsed.fail("the URL contains a password");
            if (userInfo.contains("/")) return Parsed.fail("the URL's user name contains '/'");
            user = Optional.of(userInfo);
            rest = rest.substring(at + 1);
        }
        int pathStart = rest.indexOf('/');
        var authority = pathStart < 0 ? rest : rest.substring(0, pathStart);
        var rawPath = pathStart < 0 ? "" : rest.substring(pathStart + 1);
        var hostPort = splitHostPort(authority, defaultPort);
        if (hostPort.problem() != null) return Parsed.fail(hostPort.problem());
        try {
            var decodedUser = user.map(ServiceUrl::decode);
            if (decodedUser.isPresent() && decodedUser.get().isEmpty()) return Parsed.fail("the URL names an empty user");
            return new Parsed(new ServiceUrl(scheme, decodedUser, hostPort.host(), hostPort.port(), decode(rawPath), parseQuery(query)), null);
        } catch (IllegalArgumentException e) {
            return Parsed.fail("the URL has a malformed %-escape");
        }
    }

    private record HostPort(String host, int port, String problem) {}

    private static HostPort splitHostPort(String authority, int defaultPort) {
        var host = authority;
        var port = defaultPort;
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && colon > authority.lastIndexOf(']')) {
            host = authority.substring(0, colon);
            try {
                port = Integer.parseInt(authority.substring(colon + 1));
            } catch (NumberFormatException e) {
                return new HostPort(null, 0, "the port is not a number");
            }
            if (port < 1 || port > 65535) return new HostPort(null, 0, "port " + port + " is out of range (1-65535)");
        }
        if (host.isEmpty()) return new HostPort(null, 0, "the URL names no host");
        if (!HOST.matcher(host).matches()) return new HostPort(null, 0, "the host name has characters a host name cannot have");
        if (host.startsWith("[")) host = host.substring(1, host.length() - 1);
        return new HostPort(host, port, null);
    }

    private static Map<String, String> parseQuery(String query) {
        var parameters = new LinkedHashMap<String, String>();
        if (query.isEmpty()) return parameters;
        for (var pair : query.split("&")) {
            int equals = pair.indexOf('=');
            var key = decode(equals < 0 ? pair : pair.substring(0, equals));
            parameters.put(key, equals < 0 ? "" : decode(pair.substring(equals + 1)));
        }
        return parameters;
    }

    /** Percent-decoding as in URLs, where '+' is a plus sign (URLDecoder alone would make it a space). */
    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
