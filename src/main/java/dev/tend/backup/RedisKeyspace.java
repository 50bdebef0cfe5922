package dev.tend.backup;

import dev.tend.redis.RedisConnector;
import java.util.Map;
import java.util.TreeMap;
import redis.clients.jedis.Jedis;

/** Keys per database from INFO keyspace ("db0:keys=3,expires=0,..."): what a Redis restore must show. */
final class RedisKeyspace {
    private RedisKeyspace() {}

    /**
     * Whether any key has a time to live: such a key may expire before a restore loads the file,
     * so key counts can only be estimates.
     */
    static boolean anyExpiring(Jedis jedis) {
        return RedisConnector.info(jedis, "keyspace").values().stream()
                .anyMatch(value -> value.contains("expires=") && !value.contains("expires=0,") && !value.endsWith("expires=0"));
    }

    static Map<String, Long> read(Jedis jedis) {
        var keys = new TreeMap<String, Long>();
        RedisConnector.info(jedis, "keyspace").forEach((database, value) -> {
            for (var part : value.split(",")) {
                if (part.startsWith("keys=")) keys.put(database, Long.parseLong(part.substring("keys=".length())));
            }
        });
        return keys;
    }
}
