package dev.tend.backup;

import dev.tend.redis.RedisConnector;
import java.util.Map;
import java.util.TreeMap;
import redis.clients.jedis.Jedis;

/** Keys per database from INFO keyspace ("db0:keys=3,expires=0,..."): what a Redis restore must show. */
final class RedisKeyspace {
    private RedisKeyspace() {}

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
