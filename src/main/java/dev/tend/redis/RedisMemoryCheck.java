package dev.tend.redis;

import dev.tend.check.Check;
import dev.tend.check.Units;
import dev.tend.check.Verdict;
import java.time.Duration;

/** used_memory against maxmemory: what the runbooks' "Memory Optimization" step looks at. */
final class RedisMemoryCheck implements Check {
    private final RedisTarget target;

    RedisMemoryCheck(RedisTarget target) {
        this.target = target;
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public Verdict run(Duration timeout) throws Exception {
        try (var jedis = RedisConnector.open(target, timeout)) {
            var memory = RedisConnector.info(jedis, "memory");
            long used = RedisConnector.number(memory, "used_memory");
            long max = RedisConnector.number(memory, "maxmemory");
            var verdict = Verdict.builder().measure("used_memory", used, "bytes").measure("maxmemory", max, "bytes");
            if (max == 0) {
                return verdict.ok("uses " + Units.bytes(used) + "; no maxmemory limit is set (policy "
                        + memory.getOrDefault("maxmemory_policy", "?") + ")");
            }
            double percent = Units.ratioPercent(used, max);
            verdict.measure("used", percent, "%");
            var status = target.memory().grade(percent);
            var reason = "uses " + Units.bytes(used) + " of " + Units.bytes(max) + " maxmemory (" + Units.percent(percent) + ")";
            if (!status.isOk()) {
                reason += ", over the " + Units.percent(target.memory().crossed(percent)) + " threshold; policy "
                        + memory.getOrDefault("maxmemory_policy", "?");
            }
            return verdict.verdict(status, reason);
        }
    }
}
