package dev.tend.redis.task;

import dev.tend.action.ActionType;
import dev.tend.action.Arguments;
import dev.tend.redis.RedisTarget;
import java.time.Duration;

/** What the redis.* actions share: finding their target, and waiting with a bound. */
final class RedisActions {
    private RedisActions() {}

    /** The one positional argument, which must name a redis target. */
    static RedisTarget target(Arguments arguments, ActionType.Lookup lookup) {
        var name = arguments.positional().isEmpty() ? null : arguments.positional().getFirst();
        if (name == null) throw arguments.problem("needs a redis target");
        var target = lookup.targets().get(name);
        if (!(target instanceof RedisTarget redis)) {
            throw arguments.problem(target == null ? "no target named '" + name + "'" : "'" + name + "' is a " + target.settings().type()
                    + " target, not redis");
        }
        return redis;
    }

    /** A bound on elapsed time (monotonic: a clock set back must not stretch it). */
    record Deadline(long atNanos) {
        static Deadline after(Duration bound) {
            return new Deadline(System.nanoTime() + bound.toNanos());
        }

        boolean passed() {
            return System.nanoTime() - atNanos >= 0;
        }
    }
}
