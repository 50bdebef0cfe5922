package dev.tend.redis;

import dev.tend.check.ThresholdSpec;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.SecretSpec;
import dev.tend.config.spec.StringSpec;
import dev.tend.config.ServiceUrl;
import dev.tend.target.Target;
import dev.tend.target.TargetBinding;
import dev.tend.target.TargetType;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
                ThresholdSpec.percent("clients", 80, 90, "connected clients as % of maxclients"),
                Field.optional("dataDirectory", new dev.tend.config.spec.PathSpec(true),
                        "the server's dir (where dump.rdb is) as seen from where Tend runs; lets backups copy the RDB file"),
                ThresholdSpec.field("hitRate", dev.tend.config.spec.NumberSpec.decimal(0, 100), "80", "50",
                        "keyspace hit rate in %: at or below warn warns, at or below crit is critical"),
                ThresholdSpec.field("evictionsPerHour", dev.tend.config.spec.NumberSpec.decimal(0, 1e12), "1000", "100000",
                        "keys evicted per hour of uptime"));
    }

    @Override
    public Target bind(TargetBinding binding) {
        var fields = binding.fields();
        var parsed = ServiceUrl.parse(fields.string("url"), Set.of("redis", "rediss"), 6379);
        if (parsed.problem() != null) {
            binding.problem("url", parsed.problem(), URL_HINT);
            return null;
        }
        var url = parsed.url();
        if (url.user().isPresent()) {
            binding.problem("url", "the URL contains a user name", "use username: and password: \"${env:REDIS_PASSWORD}\"");
            return null;
        }
        if (!url.query().isEmpty()) {
            binding.problem("url", "redis URLs take no parameters here", URL_HINT);
            return null;
        }
        if (!url.path().isEmpty() && !url.path().matches("\\d{1,5}")) {
            binding.problem("url", "'" + url.path() + "' is not a database number", URL_HINT);
            return null;
        }
        int database = url.path().isEmpty() ? 0 : Integer.parseInt(url.path());
        return new RedisTarget(binding.settings(), url.host(), url.port(), database, url.scheme().equals("rediss"),
                Optional.ofNullable(fields.string("username")), fields.secret("password"),
                ThresholdSpec.read(fields, "memory", true, binding.problems()),
                ThresholdSpec.read(fields, "clients", true, binding.problems()),
                Optional.ofNullable(fields.<java.nio.file.Path>value("dataDirectory")),
                ThresholdSpec.read(fields, "hitRate", false, binding.problems()),
                ThresholdSpec.read(fields, "evictionsPerHour", true, binding.problems()));
    }
}
