package dev.tend.operations.redis;

import dev.tend.action.Action;
import dev.tend.action.ActionContext;
import dev.tend.action.ActionType;
import dev.tend.action.Arguments;
import dev.tend.action.Outcome;
import dev.tend.action.TargetOperation;
import dev.tend.check.Measurement;
import dev.tend.check.Units;
import dev.tend.redis.RedisConnector;
import dev.tend.redis.RedisTarget;
import dev.tend.task.Impact;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import redis.clients.jedis.params.ScanParams;

/**
 * {@code redis.bigkeys TARGET [--samples 10000] [--top 10]}: the runbooks' "memory optimization" —
 * which keys hold the memory, found by walking the target's database with SCAN (bounded steps) and
 * asking MEMORY USAGE of up to --samples keys; the largest are listed with their type and size.
 */
public final class BigKeysActionType implements ActionType {
    private static final String NAME = "redis.bigkeys";
    private static final int SHOWN_KEY_CHARS = 80;

    @Override
    public List<String> names() {
        return List.of(NAME);
    }

    @Override
    public String usage(String name) {
        return NAME + " REDIS-TARGET [--samples 10000] [--top 10] [--timeout 5m]";
    }

    @Override
    public Action parse(String name, List<String> words, Lookup lookup) {
        var arguments = Arguments.read(NAME, usage(name), words, Set.of(), Set.of("--samples", "--top", "--timeout"));
        arguments.positional(1);
        return new BigKeys(RedisActions.target(arguments, lookup), (int) arguments.whole("--samples", 10_000, 1, 10_000_000),
                (int) arguments.whole("--top", 10, 1, 1000), arguments.duration("--timeout", Duration.ofMinutes(5)));
    }

    private record Sized(String key, String type, long bytes) {}

    private record BigKeys(RedisTarget target, int samples, int top, Duration timeout) implements TargetOperation {
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
                long keys = jedis.dbSize();
                outcome.object("db" + target.database()).before(new Measurement("keys", keys, "keys"));
                if (outcome.dryRun()) {
                    outcome.plan("would size up to " + Math.min(samples, keys) + " of " + keys + " keys with MEMORY USAGE");
                    return;
                }
                var deadline = RedisActions.Deadline.after(timeout);
                var sized = new ArrayList<Sized>();
                long total = 0;
                byte[] cursor = ScanParams.SCAN_POINTER_START_BINARY;
                var params = new ScanParams().count(500);
                do {
                    var page = jedis.scan(cursor, params);
                    for (var key : page.getResult()) {
                        if (sized.size() >= samples) break;
                        var bytes = jedis.memoryUsage(key, 5);
                        if (bytes == null) continue; // expired or deleted between SCAN and here
                        total += bytes;
                        sized.add(new Sized(new String(key, StandardCharsets.UTF_8), jedis.type(key), bytes));
                    }
                    cursor = page.getCursorAsBytes();
                } while (!(cursor.length == 1 && cursor[0] == '0') && sized.size() < samples && !deadline.passed());
                sized.sort(Comparator.comparingLong(Sized::bytes).reversed());
                sized.stream().limit(top).forEach(key -> outcome.step(Units.bytes(key.bytes()) + " " + key.type() + " " + shown(key.key())));
                outcome.after(new Measurement("sampled", sized.size(), "keys")).after(new Measurement("sampled_bytes", total, "bytes"));
                var largest = sized.isEmpty() ? "no keys" : "largest " + shown(sized.getFirst().key()) + " (" + sized.getFirst().type() + ", "
                        + Units.bytes(sized.getFirst().bytes()) + ")";
                outcome.succeed("sized " + sized.size() + " of " + keys + " keys (" + Units.bytes(total) + "); " + largest
                        + (deadline.passed() ? "; stopped at the " + Units.age(timeout) + " bound" : ""));
            }
        }

        private static String shown(String key) {
            return key.length() > SHOWN_KEY_CHARS ? key.substring(0, SHOWN_KEY_CHARS) + "…" : key;
        }
    }
}
