package dev.tend.redis;

import dev.tend.check.Check;
import dev.tend.check.Status;
import dev.tend.check.Thresholds;
import dev.tend.check.Units;
import dev.tend.check.Verdict;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code cache}: the runbooks' "check hit rate" and evictions — keyspace hits against lookups since
 * the server started (below its levels is a cache not doing its job), and evicted keys per hour of
 * uptime (over its levels: maxmemory is too small for what is kept).
 */
final class RedisCacheCheck implements Check {
    /** Below this many lookups a hit rate says nothing yet (a fresh server, a queue-only Redis). */
    private static final long MINIMUM_LOOKUPS = 1000;
    private final RedisTarget target;

    RedisCacheCheck(RedisTarget target) {
        this.target = target;
    }

    @Override
    public String name() {
        return "cache";
    }

    @Override
    public Verdict run(Duration timeout) throws Exception {
        try (var jedis = RedisConnector.open(target, timeout)) {
            var stats = RedisConnector.info(jedis, "stats");
            long hits = RedisConnector.number(stats, "keyspace_hits");
            long misses = RedisConnector.number(stats, "keyspace_misses");
            long evicted = RedisConnector.number(stats, "evicted_keys");
            long uptime = Math.max(1, RedisConnector.number(RedisConnector.info(jedis, "server"), "uptime_in_seconds"));
            double evictionsPerHour = evicted * 3600.0 / uptime;
            var verdict = Verdict.builder().measure("keyspace_hits", hits, "lookups").measure("keyspace_misses", misses, "lookups")
                    .measure("evicted_keys", evicted, "keys").measure("evictions_per_hour", evictionsPerHour, "keys/h");
            long lookups = hits + misses;
            var evictions = String.format(Locale.ROOT, "%d keys evicted (%.1f/h over %s up)", evicted, evictionsPerHour, Units.age(Duration.ofSeconds(uptime)));
            var evictionStatus = target.evictionsPerHour().grade(evictionsPerHour);
            if (lookups < MINIMUM_LOOKUPS) {
                return verdict.verdict(evictionStatus, lookups + " lookups since start, too few to judge the hit rate; " + evictions);
            }
            double rate = 100.0 * hits / lookups;
            verdict.measure("hit_rate", rate, "%");
            var status = Status.worst(target.hitRate().gradeLow(rate), evictionStatus);
            return verdict.verdict(status, "hit rate " + Units.percent(rate) + " (" + hits + " of " + lookups + " lookups); " + evictions
                    + (status.isOk() ? "" : target.hitRate().gradeLow(rate).isOk() ? ": maxmemory is small for what is kept"
                    : ": the cache misses more than its level allows"));
        }
    }
}
