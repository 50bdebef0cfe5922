package dev.tend.check.http;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A condition on a response header: present, equal to a value (case-insensitively, as header
 * values such as "nosniff" are compared), matching a pattern, or absent (a Server or X-Powered-By
 * header that tells versions). The {@code security} preset is the set every public endpoint should
 * send.
 */
public sealed interface HeaderCondition {

    /** Why the answer fails the condition, if it does. */
    Optional<String> failure(HttpHeaders headers, URI url);

    record Present(String name) implements HeaderCondition {
        @Override
        public Optional<String> failure(HttpHeaders headers, URI url) {
            return headers.firstValue(name).isPresent() ? Optional.empty() : Optional.of(name + " missing");
        }
    }

    record Equals(String name, String value) implements HeaderCondition {
        @Override
        public Optional<String> failure(HttpHeaders headers, URI url) {
            var actual = headers.firstValue(name);
            if (actual.isEmpty()) return Optional.of(name + " missing (expected \"" + value + "\")");
            return actual.get().strip().equalsIgnoreCase(value) ? Optional.empty() : Optional.of(name + " is \"" + actual.get() + "\", expected \"" + value + "\"");
        }
    }

    record Matches(String name, Pattern pattern) implements HeaderCondition {
        @Override
        public Optional<String> failure(HttpHeaders headers, URI url) {
            var actual = headers.firstValue(name);
            if (actual.isEmpty()) return Optional.of(name + " missing");
            return pattern.matcher(actual.get()).find() ? Optional.empty()
                    : Optional.of(name + " \"" + actual.get() + "\" does not match /" + pattern.pattern() + "/");
        }
    }

    record Absent(String name) implements HeaderCondition {
        @Override
        public Optional<String> failure(HttpHeaders headers, URI url) {
            return headers.firstValue(name).map(value -> name + " is sent (\"" + value + "\"); it should not be");
        }
    }

    /** The security preset: HSTS (on https, at least 180 days), nosniff, framing forbidden, a referrer policy, a content security policy. */
    record SecurityPreset() implements HeaderCondition {
        private static final long HSTS_MINIMUM_SECONDS = 180L * 86_400;
        private static final Pattern MAX_AGE = Pattern.compile("max-age\\s*=\\s*\"?(\\d+)", Pattern.CASE_INSENSITIVE);

        @Override
        public Optional<String> failure(HttpHeaders headers, URI url) {
            var failures = new java.util.ArrayList<String>();
            if ("https".equals(url.getScheme())) {
                var hsts = headers.firstValue("Strict-Transport-Security");
                var maxAge = hsts.map(MAX_AGE::matcher).filter(java.util.regex.Matcher::find).map(matcher -> Long.parseLong(matcher.group(1)));
                if (hsts.isEmpty()) failures.add("Strict-Transport-Security missing");
                else if (maxAge.isEmpty() || maxAge.get() < HSTS_MINIMUM_SECONDS) {
                    failures.add("Strict-Transport-Security max-age under 180 days (\"" + hsts.get() + "\")");
                }
            }
            new Equals("X-Content-Type-Options", "nosniff").failure(headers, url).ifPresent(failures::add);
            var csp = headers.firstValue("Content-Security-Policy");
            boolean framingForbidden = headers.firstValue("X-Frame-Options").map(value -> List.of("DENY", "SAMEORIGIN").contains(value.strip().toUpperCase(Locale.ROOT)))
                    .orElse(false) || csp.map(value -> value.toLowerCase(Locale.ROOT).contains("frame-ancestors")).orElse(false);
            if (!framingForbidden) failures.add("neither X-Frame-Options (DENY or SAMEORIGIN) nor a CSP frame-ancestors forbids framing");
            new Present("Referrer-Policy").failure(headers, url).ifPresent(failures::add);
            if (csp.isEmpty()) failures.add("Content-Security-Policy missing");
            return failures.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", failures));
        }
    }
}
