package dev.tend.operations.redis;

import dev.tend.action.Action;
import dev.tend.action.ActionContext;
import dev.tend.action.ActionType;
import dev.tend.action.Arguments;
import dev.tend.action.TargetOperation;
import dev.tend.action.Outcome;
import dev.tend.check.Measurement;
import dev.tend.check.Units;
import dev.tend.redis.RedisConnector;
import dev.tend.redis.RedisTarget;
import dev.tend.task.Impact;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import redis.clients.jedis.params.ScanParams;

/**
 * {@code redis.expire-scan TARGET [--count 100] [--timeout 10m]}: what the runbook's Lua loop meant
 * to do. Redis deletes an expired key when a command touches it, and SCAN touches every key it
 * passes; so walking each database with SCAN in steps of {@code --count} reclaims every expired key
 * while each step stays short (the Lua script instead runs as one command, blocking the server for
 * as long as it takes, and stops after its first 1,000 keys per database). Reclaimed keys are the
 * rise of {@code expired_keys}.
 */
public final class ExpireScanActionType implements ActionType {
    private static final String NAME = "redis.expire-scan";
    private static final Pattern KEYSPACE = Pattern.compile("keys=(\\d+),expires=(\\d+)");

    @Override
    public List<String> names() {
        return List.of(NAME);
    }

    @Override
    public String usage(String name) {
        return NAME + " REDIS-TARGET [--count 100] [--timeout 10m]";
    }

    @Override
    public Action parse(String name, List<String> words, Lookup lookup) {
        var arguments = Arguments.read(NAME, usage(name), words, Set.of(), Set.of("--count", "--timeout"));
        arguments.positional(1);
        // 100, not the runbook's 1,000: deleting the expired keys it passes is most of a step's cost, and with
        // 1,000 a step over a 30%-expired keyspace took up to 18 ms on Redis 7.0; with 100, 2 ms.
        return new ExpireScan(RedisActions.target(arguments, lookup), (int) arguments.whole("--count", 100, 10, 100_000),
                arguments.duration("--timeout", Duration.ofMinutes(10)));
    }

    private record ExpireScan(RedisTarget target, int count, Duration timeout) implements TargetOperation {
        @Override
        public String action() {
            return NAME;
        }

        @Override
        public Impact impact() {
            return Impact.ONLINE;
        }

        @Override
        public void perform(ActionContext context, Outcome outcome) throws Exception {
            try (var jedis = RedisConnector.open(target, target.settings().timeout())) {
                var databases = keyspace(jedis);
                long keys = databases.values().stream().mapToLong(figures -> figures[0]).sum();
                long expiring = databases.values().stream().mapToLong(figures -> figures[1]).sum();
                long expiredBefore = RedisConnector.number(RedisConnector.info(jedis, "stats"), "expired_keys");
                outcome.object(target.where()).before(new Measurement("keys", keys, "keys")).before(new Measurement("expires", expiring, "keys"));
                databases.forEach((db, figures) -> outcome.step("db" + db + ": " + figures[0] + " keys, " + figures[1] + " with a TTL"));
                if (outcome.dryRun()) {
                    outcome.step("SCAN each database COUNT " + count + " until the cursor is back at 0 (within " + Units.age(timeout) + ")");
                    outcome.plan("would walk " + keys + " keys in " + databases.size() + " database(s), " + expiring + " of them with a TTL");
                    return;
                }
                var deadline = RedisActions.Deadline.after(timeout);
                long visited = 0;
                long steps = 0;
                var params = new ScanParams().count(count);
                String stoppedIn = null;
                for (int db : databases.keySet()) {
                    jedis.select(db);
                    byte[] cursor = ScanParams.SCAN_POINTER_START_BINARY;
                    do {
                        if (deadline.passed()) {
                            stoppedIn = "db" + db;
                            break;
                        }
                        var page = jedis.scan(cursor, params);
                        visited += page.getResult().size();
                        steps++;
                        cursor = page.getCursorAsBytes();
                    } while (!backAtStart(cursor));
                    if (stoppedIn != null) break;
                }
                jedis.select(target.database());
                long reclaimed = RedisConnector.number(RedisConnector.info(jedis, "stats"), "expired_keys") - expiredBefore;
                var after = keyspace(jedis);
                outcome.after(new Measurement("keys", after.values().stream().mapToLong(figures -> figures[0]).sum(), "keys"))
                        .after(new Measurement("expires", after.values().stream().mapToLong(figures -> figures[1]).sum(), "keys"))
                        .after(new Measurement("reclaimed", reclaimed, "keys")).after(new Measurement("visited", visited, "keys"));
                outcome.step(steps + " SCAN steps of COUNT " + count + ": " + visited + " live keys passed, " + reclaimed + " expired keys reclaimed");
                if (stoppedIn != null) {
                    outcome.fail("stopped at the " + Units.age(timeout) + " bound in " + stoppedIn + " after " + visited + " keys; "
                            + reclaimed + " expired keys reclaimed so far");
                    return;
                }
                outcome.succeed("walked " + databases.size() + " database(s): " + visited + " live keys, " + reclaimed + " expired keys reclaimed");
            }
        }

        private static boolean backAtStart(byte[] cursor) {
            return cursor.length == 1 && cursor[0] == '0';
        }

        /** INFO keyspace: per database, its keys and how many have a TTL. */
        private static Map<Integer, long[]> keyspace(redis.clients.jedis.Jedis jedis) {
            var databases = new LinkedHashMap<Integer, long[]>();
            RedisConnector.info(jedis, "keyspace").forEach((name, value) -> {
                var matcher = KEYSPACE.matcher(value);
                if (name.startsWith("db") && matcher.find()) {
                    databases.put(Integer.parseInt(name.substring(2)), new long[] {Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))});
                }
            });
            var sorted = new LinkedHashMap<Integer, long[]>();
            databases.keySet().stream().sorted().forEach(db -> sorted.put(db, databases.get(db)));
            return sorted;
        }
    }
}
