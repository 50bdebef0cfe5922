package dev.tend.redis;

import dev.tend.check.Check;
import dev.tend.check.Verdict;
import java.time.Clock;
import java.time.Duration;

/** Whether the last BGSAVE (and AOF write, if on) succeeded, and how old the last save is. */
final class RedisPersistenceCheck implements Check {
    private final RedisTarget target;
    private final Clock clock;

    RedisPersistenceCheck(RedisTarget target, Clock clock) {
        this.target = target;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "persistence";
    }

    @Override
    public Verdict run(Duration timeout) throws Exception {
        try (var jedis = RedisConnector.open(target, timeout)) {
            var info = RedisConnector.info(jedis, "persistence");
            var bgsave = RedisConnector.field(info, "rdb_last_bgsave_status");
            var aofEnabled = "1".equals(info.get("aof_enabled"));
            var aofWrite = info.getOrDefault("aof_last_write_status", "ok");
            long lastSave = RedisConnector.number(info, "rdb_last_save_time");
            long ageSeconds = Math.max(0, clock.instant().getEpochSecond() - lastSave);
            long changes = RedisConnector.number(info, "rdb_changes_since_last_save");
            var verdict = Verdict.builder()
                    .measure("last_save_age", ageSeconds, "s")
                    .measure("changes_since_last_save", changes, "count");
            if (!"ok".equals(bgsave)) {
                return verdict.crit("the last BGSAVE failed (rdb_last_bgsave_status:" + bgsave
                        + "); check disk space and permissions of the Redis data directory");
            }
            if (aofEnabled && !"ok".equals(aofWrite)) {
                return verdict.crit("the last AOF write failed (aof_last_write_status:" + aofWrite + ")");
            }
            return verdict.ok("last BGSAVE ok, " + changes + " changes since the last save "
                    + Duration.ofSeconds(ageSeconds).toMinutes() + " min ago" + (aofEnabled ? ", AOF writes ok" : ""));
        }
    }
}
