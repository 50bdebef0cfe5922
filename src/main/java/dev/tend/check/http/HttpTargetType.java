package dev.tend.check.http;

import dev.tend.check.Thresholds;
import dev.tend.config.spec.DurationSpec;
import dev.tend.config.spec.EnumSpec;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.Fields;
import dev.tend.config.spec.ListSpec;
import dev.tend.config.spec.NumberSpec;
import dev.tend.config.spec.ObjectSpec;
import dev.tend.config.spec.StringSpec;
import dev.tend.target.HttpUrls;
import dev.tend.target.Target;
import dev.tend.target.TargetBinding;
import dev.tend.target.TargetType;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code type: http}: status code, latency, body keyword and JSON conditions. */
public final class HttpTargetType implements TargetType {
    private static final ObjectSpec JSON_CONDITION = ObjectSpec.of("a condition on the JSON body",
            Field.required("path", StringSpec.matching("\\$(\\.[A-Za-z0-9_-]+|\\[\\d{1,6}])+", "write a path such as $.status or $.checks[0].ok"),
                    "where to look, e.g. $.database.ok"),
            Field.optional("equals", StringSpec.any(), "the value expected there, compared as text"));
    private static final ObjectSpec HEADER_CONDITION = ObjectSpec.of("a condition on a response header, or the security preset",
            Field.optional("preset", EnumSpec.of("security"), "security: HSTS (https), X-Content-Type-Options nosniff, framing forbidden, Referrer-Policy, Content-Security-Policy"),
            Field.optional("name", StringSpec.matching("[A-Za-z0-9!#$%&'*+.^_`|~-]+", "a header name such as X-Frame-Options"), "the header"),
            Field.optional("equals", StringSpec.any(), "its value must be this (case-insensitive)"),
            Field.optional("matches", StringSpec.any(), "its value must match this regular expression"),
            Field.optional("absent", new dev.tend.config.spec.BooleanSpec(), "true: it must not be sent (Server versions, X-Powered-By)"));
    private static final DurationSpec LATENCY = DurationSpec.between(Duration.ofMillis(1), Duration.ofMinutes(10));

    @Override
    public String name() {
        return "http";
    }

    @Override
    public String summary() {
        return "an HTTP(S) endpoint: status code, latency, optional body keyword and JSON-path conditions";
    }

    @Override
    public List<Field> fields() {
        return List.of(
                Field.required("url", StringSpec.any(), "http:// or https:// URL to request"),
                Field.withDefault("method", EnumSpec.of("GET", "HEAD", "POST"), "GET", "request method"),
                Field.withDefault("expectStatus", ListSpec.of(NumberSpec.whole(100, 599)), "[]",
                        "acceptable status codes; empty means any 2xx or 3xx"),
                Field.optional("bodyContains", StringSpec.any(), "text the body must contain"),
                Field.withDefault("json", ListSpec.of(JSON_CONDITION), "[]", "conditions on a JSON body"),
                Field.withDefault("latency", ObjectSpec.of("response time levels",
                        Field.withDefault("warn", LATENCY, "1s", "slower than this warns"),
                        Field.withDefault("crit", LATENCY, "3s", "slower than this is critical")), "{}",
                        "response time levels"),
                Field.withDefault("headers", ListSpec.of(HEADER_CONDITION), "[]", "conditions on response headers: [{preset: security}, {name: X-Frame-Options, equals: DENY}]"),
                Field.withDefault("headersLevel", EnumSpec.of("warn", "crit"), "warn", "how a failed header condition counts"));
    }

    @Override
    public Target bind(TargetBinding binding) {
        var fields = binding.fields();
        URI url;
        try {
            url = new URI(fields.string("url"));
        } catch (URISyntaxException e) {
            binding.problem("url", "not a valid URL: " + e.getReason(), "e.g. http://127.0.0.1:8000/health");
            return null;
        }
        var problem = HttpUrls.problem(url);
        if (problem != null) {
            binding.problem("url", problem, "e.g. http://127.0.0.1:8000/health");
            return null;
        }
        var conditions = new ArrayList<JsonCondition>();
        for (Fields condition : fields.<Fields>list("json")) {
            conditions.add(new JsonCondition(condition.string("path"), Optional.ofNullable(condition.string("equals"))));
        }
        var latency = fields.object("latency");
        var levels = new Thresholds(latency.duration("warn").toMillis(), latency.duration("crit").toMillis());
        if (levels.warn() > levels.crit()) {
            binding.problem("latency", "warn must be below crit", "e.g. {warn: 1s, crit: 3s}");
        }
        List<Long> statuses = fields.list("expectStatus");
        var headers = new ArrayList<HeaderCondition>();
        for (Fields condition : fields.<Fields>list("headers")) {
            var read = header(condition, binding);
            if (read == null) return null;
            headers.add(read);
        }
        return new HttpTarget(binding.settings(), url, fields.string("method"),
                statuses.stream().map(Long::intValue).toList(), Optional.ofNullable(fields.string("bodyContains")),
                conditions, levels, List.copyOf(headers), fields.string("headersLevel").equals("crit") ? dev.tend.check.Status.CRIT : dev.tend.check.Status.WARN);
    }

    /** One entry of headers:, or null after saying what is wrong with it. */
    private static HeaderCondition header(Fields condition, TargetBinding binding) {
        if (condition == null) return null;
        if (condition.has("preset")) {
            if (condition.has("name")) {
                binding.problems().at(condition.node(), condition.path(), "a header condition is a preset or a name, not both", null);
                return null;
            }
            return new HeaderCondition.SecurityPreset();
        }
        var name = condition.string("name");
        if (name == null) {
            binding.problems().at(condition.node(), condition.path(), "a header condition needs name: (or preset: security)", "e.g. {name: X-Frame-Options, equals: DENY}");
            return null;
        }
        int given = (condition.has("equals") ? 1 : 0) + (condition.has("matches") ? 1 : 0) + (condition.has("absent") && condition.bool("absent") ? 1 : 0);
        if (given > 1) {
            binding.problems().at(condition.node(), condition.path(), "give one of equals, matches, absent", null);
            return null;
        }
        if (condition.has("equals")) return new HeaderCondition.Equals(name, condition.string("equals"));
        if (condition.has("absent") && condition.bool("absent")) return new HeaderCondition.Absent(name);
        if (condition.has("matches")) {
            try {
                return new HeaderCondition.Matches(name, java.util.regex.Pattern.compile(condition.string("matches")));
            } catch (java.util.regex.PatternSyntaxException e) {
                binding.problems().at(condition.nodeOf("matches"), condition.pathOf("matches"), "not a regular expression: " + e.getDescription(), null);
                return null;
            }
        }
        return new HeaderCondition.Present(name);
    }
}
