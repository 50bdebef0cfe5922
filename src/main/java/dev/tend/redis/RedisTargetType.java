package dev.tend.redis;

import dev.tend.check.ThresholdSpec;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.SecretSpec;
import dev.tend.config.spec.StringSpec;
import dev.tend.target.Target;
import dev.tend.target.TargetBinding;
import dev.tend.target.TargetType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

/** {@code type: redis}: PING and role, memory vs maxmemory, last save status, clients. */
public final class RedisTargetType implements TargetType {
    private static final String URL_HINT = "write redis://HOST:PORT or redis://HOST:PORT/DB (rediss:// for TLS)";

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public String summary() {
        return "a Redis server: PING and role, used_memory vs maxmemory, rdb_last_bgsave_status, clients";
    }

    @Override
    public List<Field> fields() {
        return List.of(
                Field.required("url", StringSpec.any(), "redis://HOST:PORT[/DB] (no password here)"),
                Field.optional("username", StringSpec.any(), "ACL user name (Redis 6+)"),
                Field.optional("password", new SecretSpec(), "e.g. \"${env:REDIS_PASSWORD}\""),
                ThresholdSpec.percent("memory", 80, 90, "used_memory as % of maxmemory"),
                ThresholdSpec.percent("clients", 80, 90, "connected clients as % of maxclients"));
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
        if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme()) || uri.getHost() == null) {
            binding.problem("url", "not a redis:// URL with a host", URL_HINT);
            return null;
        }
        if (uri.getUserInfo() != null) {
            binding.problem("url", "the URL contains credentials", "use username: and password: \"${env:REDIS_PASSWORD}\"");
            return null;
        }
        int database = 0;
        var path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (!path.isEmpty()) {
            try {
                database = Integer.parseInt(path);
            } catch (NumberFormatException e) {
                binding.problem("url", "'" + path + "' is not a database number", URL_HINT);
                return null;
            }
        }
        return new RedisTarget(binding.settings(), uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort(), database,
                "rediss".equals(uri.getScheme()), Optional.ofNullable(fields.string("username")), fields.secret("password"),
                ThresholdSpec.read(fields, "memory", true, binding.problems()),
                ThresholdSpec.read(fields, "clients", true, binding.problems()));
    }
}
