package dev.tend.redis;

import dev.tend.check.Check;
import dev.tend.check.Thresholds;
import dev.tend.config.Secret;
import dev.tend.target.Target;
import dev.tend.target.TargetSettings;
import dev.tend.check.CheckContext;
import java.util.List;
import java.util.Optional;

/** A Redis server reached over RESP. */
public record RedisTarget(
        TargetSettings settings,
        String host,
        int port,
        int database,
        boolean tls,
        Optional<String> user,
        Optional<Secret> password,
        Thresholds memory,
        Thresholds clients,
        Optional<java.nio.file.Path> dataDirectory,
        Thresholds hitRate,
        Thresholds evictionsPerHour) implements Target {

    @Override
    public List<Check> checks(CheckContext context) {
        return List.of(new RedisPingCheck(this), new RedisMemoryCheck(this), new RedisPersistenceCheck(this, context.clock()),
                new RedisClientsCheck(this), new RedisCacheCheck(this));
    }

    public String where() {
        return host + ":" + port;
    }
}
