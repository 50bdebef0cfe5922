package dev.tend.redis;

import dev.tend.check.Check;
import dev.tend.check.Units;
import dev.tend.check.Verdict;
import java.time.Duration;

/** Connected and blocked clients against maxclients, and connections Redis already rejected. */
final class RedisClientsCheck implements Check {
    private final RedisTarget target;

    RedisClientsCheck(RedisTarget target) {
        this.target = target;
    }

    @Override
    public String name() {
        return "clients";
    }

    @Override
    public Verdict run(Duration timeout) throws Exception {
        try (var jedis = RedisConnector.open(target, timeout)) {
            var clients = RedisConnector.info(jedis, "clients");
            var stats = RedisConnector.info(jedis, "stats");
            long connected = RedisConnector.number(clients, "connected_clients");
            long blocked = RedisConnector.number(clients, "blocked_clients");
            long max = RedisConnector.number(clients, "maxclients");
            long rejected = RedisConnector.number(stats, "rejected_connections");
            double percent = Units.ratioPercent(connected, max);
            var status = target.clients().grade(percent);
            var reason = connected + " of " + max + " clients connected (" + Units.percent(percent) + "), "
                    + blocked + " blocked, " + rejected + " rejected since start";
            if (!status.isOk()) reason += "; over the " + Units.percent(target.clients().crossed(percent)) + " threshold";
            return Verdict.builder()
                    .measure("connected_clients", connected, "count")
                    .measure("blocked_clients", blocked, "count")
                    .measure("maxclients", max, "count")
                    .measure("rejected_connections", rejected, "count")
                    .verdict(status, reason);
        }
    }
}
