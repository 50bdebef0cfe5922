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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * {@code redis.bgsave TARGET [--timeout 10m]}: the runbook's BGSAVE then LASTSAVE, as one step that
 * waits until the save is done: LASTSAVE has moved past its value before, and
 * {@code rdb_last_bgsave_status} is ok. A save already running is waited for, then a fresh one taken.
 */
public final class BgsaveActionType implements ActionType {
    private static final String NAME = "redis.bgsave";
    private static final Duration POLL = Duration.ofMillis(100);

    @Override
    public List<String> names() {
        return List.of(NAME);
    }

    @Override
    public String usage(String name) {
        return NAME + " REDIS-TARGET [--timeout 10m]";
    }

    @Override
    public Action parse(String name, List<String> words, Lookup lookup) {
        var arguments = Arguments.read(NAME, usage(name), words, Set.of(), Set.of("--timeout"));
        arguments.positional(1);
        return new Bgsave(RedisActions.target(arguments, lookup), arguments.duration("--timeout", Duration.ofMinutes(10)));
    }

    private record Bgsave(RedisTarget target, Duration timeout) implements TargetOperation {
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
                var before = RedisConnector.info(jedis, "persistence");
                long lastSave = RedisConnector.number(before, "rdb_last_save_time");
                outcome.object(target.where()).before(new Measurement("rdb_changes_since_last_save",
                        RedisConnector.number(before, "rdb_changes_since_last_save"), "changes"));
                outcome.before(new Measurement("rdb_last_save_time", lastSave, "s"));
                if (outcome.dryRun()) {
                    outcome.step("BGSAVE").step("wait until LASTSAVE moves past " + Instant.ofEpochSecond(lastSave) + " and rdb_last_bgsave_status is ok");
                    outcome.plan("would save " + RedisConnector.number(before, "rdb_changes_since_last_save") + " changes to disk");
                    return;
                }
                var deadline = RedisActions.Deadline.after(timeout);
                if ("1".equals(before.get("rdb_bgsave_in_progress"))) {
                    outcome.step("a save was already running: waiting for it first");
                    if (!waitForSave(jedis, deadline)) {
                        outcome.fail("the save already running did not finish within " + dev.tend.check.Units.age(timeout));
                        return;
                    }
                    lastSave = RedisConnector.number(RedisConnector.info(jedis, "persistence"), "rdb_last_save_time");
                }
                // LASTSAVE has one-second resolution (the server's clock): a save in the same second as the last could not be told apart.
                while (Long.parseLong(jedis.time().getFirst()) <= lastSave && !deadline.passed()) Thread.sleep(POLL.toMillis());
                outcome.step("BGSAVE: " + jedis.bgsave());
                // The fork has happened when BGSAVE answers: once no save runs, ours has ended, well or not.
                if (!waitForSave(jedis, deadline)) {
                    outcome.fail("the save did not finish within " + dev.tend.check.Units.age(timeout) + "; it may still be running");
                    return;
                }
                var after = RedisConnector.info(jedis, "persistence");
                long saved = RedisConnector.number(after, "rdb_last_save_time");
                outcome.after(new Measurement("rdb_changes_since_last_save", RedisConnector.number(after, "rdb_changes_since_last_save"), "changes"))
                        .after(new Measurement("rdb_last_save_time", saved, "s"))
                        .after(new Measurement("rdb_last_bgsave_time", RedisConnector.number(after, "rdb_last_bgsave_time_sec"), "s"));
                outcome.step("LASTSAVE: " + Instant.ofEpochSecond(saved));
                var status = RedisConnector.field(after, "rdb_last_bgsave_status");
                if (!status.equals("ok") || saved <= lastSave) {
                    outcome.fail("the save failed: rdb_last_bgsave_status " + status + ", LASTSAVE still " + Instant.ofEpochSecond(saved)
                            + " (the Redis log says why: disk full, or its dir not writable?)");
                    return;
                }
                var took = RedisConnector.number(after, "rdb_last_bgsave_time_sec");
                outcome.succeed("saved at " + Instant.ofEpochSecond(saved) + " in " + (took < 1 ? "under a second" : took + " s") + " (rdb_last_bgsave_status ok)");
            }
        }

        /** Waits until no save runs; false when the deadline passed first. */
        private static boolean waitForSave(redis.clients.jedis.Jedis jedis, RedisActions.Deadline deadline) throws InterruptedException {
            while (!deadline.passed()) {
                if ("0".equals(RedisConnector.info(jedis, "persistence").get("rdb_bgsave_in_progress"))) return true;
                Thread.sleep(POLL.toMillis());
            }
            return false;
        }
    }
}
