package dev.tend.operations.redis;

import dev.tend.action.Action;
import dev.tend.action.ActionContext;
import dev.tend.action.ActionType;
import dev.tend.action.Arguments;
import dev.tend.action.TargetOperation;
import dev.tend.action.Outcome;
import dev.tend.check.Measurement;
import dev.tend.redis.RedisConnector;
import dev.tend.redis.RedisTarget;
import dev.tend.task.Impact;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import redis.clients.jedis.resps.Slowlog;

/**
 * {@code redis.slowlog TARGET [--top 10] [--reset]}: the runbook's SLOWLOG GET as a report, slowest
 * first. With --reset the log is emptied after it is read, and the entries read are kept in the
 * outcome as evidence, so nothing is lost by the reset. Arguments are shortened (values can be
 * large or private); Redis itself hides AUTH's.
 */
public final class SlowlogActionType implements ActionType {
    private static final String NAME = "redis.slowlog";
    private static final int SHOWN_ARGUMENTS = 6;
    private static final int ARGUMENT_CHARS = 40;

    @Override
    public List<String> names() {
        return List.of(NAME);
    }

    @Override
    public String usage(String name) {
        return NAME + " REDIS-TARGET [--top 10] [--reset]";
    }

    @Override
    public Action parse(String name, List<String> words, Lookup lookup) {
        var arguments = Arguments.read(NAME, usage(name), words, Set.of("--reset"), Set.of("--top"));
        arguments.positional(1);
        return new SlowlogReport(RedisActions.target(arguments, lookup), (int) arguments.whole("--top", 10, 1, 1000), arguments.flag("--reset"));
    }

    private record SlowlogReport(RedisTarget target, int top, boolean reset) implements TargetOperation {
        @Override
        public String action() {
            return NAME;
        }

        @Override
        public String options() {
            return reset ? " --reset" : "";
        }

        @Override
        public Impact impact() {
            return Impact.ONLINE;
        }

        @Override
        public void perform(ActionContext context, Outcome outcome) throws Exception {
            try (var jedis = RedisConnector.open(target, target.settings().timeout())) {
                long length = jedis.slowlogLen();
                var threshold = jedis.configGet("slowlog-log-slower-than").getOrDefault("slowlog-log-slower-than", "?");
                outcome.object(target.where()).before(new Measurement("slowlog_len", length, "entries"));
                var entries = jedis.slowlogGet(Math.max(length, 1));
                var slowest = entries.stream().sorted(Comparator.comparingLong(Slowlog::getExecutionTime).reversed()).limit(top).toList();
                slowest.forEach(entry -> outcome.step(line(entry)));
                long slowestMicros = slowest.isEmpty() ? 0 : slowest.getFirst().getExecutionTime();
                outcome.before(new Measurement("slowest", slowestMicros / 1000.0, "ms"));
                var summary = length + " entries over " + threshold + " µs" + (slowest.isEmpty() ? "" : "; slowest "
                        + String.format(java.util.Locale.ROOT, "%.1f ms", slowestMicros / 1000.0) + ": " + command(slowest.getFirst()));
                if (outcome.dryRun()) {
                    if (reset) outcome.step("SLOWLOG RESET");
                    outcome.plan(summary + (reset ? "; would reset the slowlog, keeping these entries here" : ""));
                    return;
                }
                if (!reset) {
                    outcome.succeed(summary);
                    return;
                }
                // Everything read is kept, not only the top: the reset must not lose what it clears.
                entries.stream().filter(entry -> !slowest.contains(entry)).forEach(entry -> outcome.step(line(entry)));
                outcome.step("SLOWLOG RESET: " + jedis.slowlogReset());
                outcome.after(new Measurement("slowlog_len", jedis.slowlogLen(), "entries"));
                outcome.succeed(summary + "; reset, " + entries.size() + " entries kept as evidence");
            }
        }

        private static String line(Slowlog entry) {
            return String.format(java.util.Locale.ROOT, "#%d %s %.1f ms %s%s", entry.getId(), Instant.ofEpochSecond(entry.getTimeStamp()),
                    entry.getExecutionTime() / 1000.0, command(entry),
                    entry.getClientName() == null || entry.getClientName().isBlank() ? "" : " (client " + entry.getClientName() + ")");
        }

        private static String command(Slowlog entry) {
            var shown = entry.getArgs().stream().limit(SHOWN_ARGUMENTS)
                    .map(argument -> argument.length() > ARGUMENT_CHARS ? argument.substring(0, ARGUMENT_CHARS) + "…" : argument)
                    .collect(Collectors.joining(" "));
            return shown + (entry.getArgs().size() > SHOWN_ARGUMENTS ? " … (" + entry.getArgs().size() + " arguments)" : "");
        }
    }
}
