package dev.tend.target;

import java.net.URI;

/** Rules and output forms for the http(s) URLs targets point at. */
public final class HttpUrls {
    private HttpUrls() {}

    /** What is wrong with an http(s) URL for a target, or null when it is usable. */
    public static String problem(URI url) {
        if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
            return "not an http:// or https:// URL";
        }
        if (url.getRawUserInfo() != null) return "the URL contains credentials; they would end up in output and logs";
        if (url.getHost() == null) {
            var authority = url.getRawAuthority() == null ? "" : url.getRawAuthority();
            return authority.contains("_")
                    ? "the host name contains '_', which HTTP clients refuse; use an IP address or a name without '_'"
                    : "the URL names no host";
        }
        if (url.getRawFragment() != null) return "the URL has a #fragment, which is never sent to the server";
        return null;
    }

    /** The target's http(s) URL under {@code key}; null after reporting what is wrong with it, with the example as a hint. */
    public static URI read(TargetBinding binding, String key, String example) {
        URI url;
        try {
            url = new URI(binding.fields().string(key));
        } catch (java.net.URISyntaxException e) {
            binding.problem(key, "not a valid URL: " + e.getReason(), "e.g. " + example);
            return null;
        }
        var problem = problem(url);
        if (problem != null) {
            binding.problem(key, problem, "e.g. " + example);
            return null;
        }
        return url;
    }

    /** scheme://host:port, for saying where without the path. */
    public static String origin(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    /** The URL with query values masked: tokens in query strings must not reach reasons or the store. */
    public static String withoutQueryValues(URI url) {
        var query = url.getRawQuery();
        var base = origin(url) + (url.getRawPath() == null ? "" : url.getRawPath());
        if (query == null) return base;
        var masked = new StringBuilder();
        for (var pair : query.split("&")) {
            int equals = pair.indexOf('=');
            masked.append(masked.isEmpty() ? "?" : "&").append(equals < 0 ? pair : pair.substring(0, equals) + "=…");
        }
        return base + masked;
    }
}
