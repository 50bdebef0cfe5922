package dev.tend.redis;

import dev.tend.check.Check;
import dev.tend.check.Verdict;
import java.time.Duration;

/** PING, then who the server is: version and replication role. */
final class RedisPingCheck implements Check {
    private final RedisTarget target;

    RedisPingCheck(RedisTarget target) {
        this.target = target;
    }

    @Override
    public String name() {
        return "ping";
    }

    @Override
    public Verdict run(Duration timeout) throws Exception {
        long start = System.nanoTime();
        try (var jedis = RedisConnector.open(target, timeout)) {
            var answer = jedis.ping();
            double millis = (System.nanoTime() - start) / 1e6;
            var server = RedisConnector.info(jedis, "server");
            var replication = RedisConnector.info(jedis, "replication");
            var verdict = Verdict.builder().measure("latency", millis, "ms")
                    .measure("connected_replicas", Long.parseLong(replication.getOrDefault("connected_slaves", "0")), "count");
            if (!"PONG".equals(answer)) {
                return verdict.crit("Redis on " + target.where() + " answered PING with '" + answer + "'");
            }
            return verdict.ok("Redis " + server.getOrDefault("redis_version", "?") + " ("
                    + replication.getOrDefault("role", "unknown role") + ") answered PING on " + target.where()
                    + " in " + Math.round(millis) + " ms");
        }
    }
}
