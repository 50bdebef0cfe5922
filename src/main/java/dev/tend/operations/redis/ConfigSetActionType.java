package dev.tend.operations.redis;

import dev.tend.action.Action;
import dev.tend.action.ActionContext;
import dev.tend.action.ActionType;
import dev.tend.action.Arguments;
import dev.tend.action.TargetOperation;
import dev.tend.action.Outcome;
import dev.tend.redis.RedisConnector;
import dev.tend.redis.RedisTarget;
import dev.tend.task.Impact;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code redis.config-set TARGET KEY VALUE [--rewrite]}: the runbook's "CONFIG SET maxmemory-policy
 * allkeys-lru", for the keys that tune a running server (never those that move its files, rename
 * commands or open it up), with the value before and after. --rewrite makes it survive a restart
 * (CONFIG REWRITE). Disruptive: a new eviction policy or memory limit can drop keys at once.
 */
public final class ConfigSetActionType implements ActionType {
    private static final String NAME = "redis.config-set";
    static final Set<String> ALLOWED = new TreeSet<>(Set.of("maxmemory", "maxmemory-policy", "maxmemory-samples", "maxmemory-eviction-tenacity",
            "slowlog-log-slower-than", "slowlog-max-len", "latency-monitor-threshold", "timeout", "tcp-keepalive", "hz", "maxclients",
            "lazyfree-lazy-eviction", "lazyfree-lazy-expire", "lazyfree-lazy-server-del", "lazyfree-lazy-user-del", "active-expire-effort",
            "activedefrag", "save", "appendfsync", "notify-keyspace-events", "lfu-log-factor", "lfu-decay-time"));

    @Override
    public List<String> names() {
        return List.of(NAME);
    }

    @Override
    public String usage(String name) {
        return NAME + " REDIS-TARGET KEY VALUE [--rewrite]";
    }

    @Override
    public Action parse(String name, List<String> words, Lookup lookup) {
        var arguments = Arguments.read(NAME, usage(name), words, Set.of("--rewrite"), Set.of());
        var given = arguments.positional(3);
        var key = given.get(1).toLowerCase(java.util.Locale.ROOT);
        if (!ALLOWED.contains(key)) {
            throw arguments.problem("'" + key + "' is not a key Tend changes (files, commands and access stay as deployed); keys: " + String.join(", ", ALLOWED));
        }
        return new ConfigSet(RedisActions.target(arguments, lookup), key, given.get(2), arguments.flag("--rewrite"));
    }

    private record ConfigSet(RedisTarget target, String key, String value, boolean rewrite) implements TargetOperation {
        @Override
        public String action() {
            return NAME;
        }

        @Override
        public String options() {
            return " " + key + " " + value + (rewrite ? " --rewrite" : "");
        }

        @Override
        public Impact impact() {
            return Impact.DISRUPTIVE;
        }

        @Override
        public void perform(ActionContext context, Outcome outcome) throws Exception {
            try (var jedis = RedisConnector.open(target, target.settings().timeout())) {
                var before = jedis.configGet(key).get(key);
                outcome.object(key);
                if (before == null) {
                    outcome.refuse("this server has no setting '" + key + "' (CONFIG GET returned nothing)");
                    return;
                }
                outcome.step(key + " before: " + before);
                if (outcome.dryRun()) {
                    outcome.step("CONFIG SET " + key + " " + value + (rewrite ? "; CONFIG REWRITE" : ""));
                    outcome.plan("would change " + key + " from " + before + " to " + value);
                    return;
                }
                try {
                    outcome.step("CONFIG SET " + key + " " + value + ": " + jedis.configSet(key, value));
                } catch (redis.clients.jedis.exceptions.JedisDataException e) {
                    outcome.fail("Redis refused " + key + " " + value + ": " + e.getMessage() + " (still " + before + ")");
                    return;
                }
                var after = jedis.configGet(key).get(key);
                outcome.step(key + " after: " + after);
                if (rewrite) {
                    try {
                        outcome.step("CONFIG REWRITE: " + jedis.configRewrite());
                    } catch (redis.clients.jedis.exceptions.JedisDataException e) {
                        outcome.fail(key + " is " + after + " now, but CONFIG REWRITE failed (" + e.getMessage()
                                + "): a restart brings back " + before);
                        return;
                    }
                }
                outcome.succeed(key + ": " + before + " → " + after + (rewrite ? " (written to the config file)" : " (until restart; --rewrite keeps it)"));
            }
        }
    }
}
