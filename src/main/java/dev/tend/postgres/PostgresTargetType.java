package dev.tend.postgres;

import dev.tend.check.ThresholdSpec;
import dev.tend.check.Thresholds;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.ObjectSpec;
import dev.tend.config.spec.SecretSpec;
import dev.tend.config.spec.SizeSpec;
import dev.tend.config.spec.StringSpec;
import dev.tend.target.Target;
import dev.tend.target.TargetBinding;
import dev.tend.target.TargetType;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code type: postgres}: reachability, connection headroom and database size. */
public final class PostgresTargetType implements TargetType {
    private static final String URL_HINT = "write postgresql://USER@HOST:PORT/DATABASE and the password in password:";

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public String summary() {
        return "a PostgreSQL database: connect + SELECT 1, connections vs max_connections, database size";
    }

    @Override
    public List<Field> fields() {
        return List.of(
                Field.required("url", StringSpec.any(), "postgresql://USER@HOST:PORT/DATABASE (no password here)"),
                Field.optional("password", new SecretSpec(), "the user's password, e.g. \"${env:PGPASSWORD}\""),
                ThresholdSpec.percent("connections", 80, 90, "connections in use, as % of max_connections"),
                Field.optional("size", ObjectSpec.of("database size levels",
                        Field.required("warn", new SizeSpec(), "size at which the check warns, e.g. 50GB"),
                        Field.required("crit", new SizeSpec(), "size at which the check is critical")),
                        "database size levels; without them size is only measured"));
    }

    @Override
    public Target bind(TargetBinding binding) {
        var fields = binding.fields();
        URI uri;
        try {
            uri = new URI(fields.string("url"));
        } catch (URISyntaxException e) {
            binding.problem("url", "not a valid URL: " + e.getReason(), URL_HINT);
            return null;
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            binding.problem("url", "the URL must start with postgresql://", URL_HINT);
            return null;
        }
        if (uri.getHost() == null) {
            binding.problem("url", "the URL names no host", URL_HINT);
            return null;
        }
        var userInfo = uri.getRawUserInfo();
        if (userInfo != null && userInfo.contains(":")) {
            // A password in the URL would end up in logs and output; refuse it outright.
            binding.problem("url", "the URL contains a password", "move it to password: \"${env:PGPASSWORD}\"");
            return null;
        }
        var user = userInfo == null ? "postgres" : decode(userInfo);
        var path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        var database = path.isEmpty() ? user : decode(path);
        var size = fields.has("size")
                ? Optional.of(ThresholdSpec.read(fields, "size", true, binding.problems()))
                : Optional.<Thresholds>empty();
        return new PostgresTarget(binding.settings(), uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), database,
                user, fields.secret("password"), parameters(uri.getRawQuery()),
                ThresholdSpec.read(fields, "connections", true, binding.problems()), size);
    }

    private static Map<String, String> parameters(String query) {
        var parameters = new LinkedHashMap<String, String>();
        if (query == null) return parameters;
        for (var pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) parameters.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

}
