package dev.tend.operations.redis;

import dev.tend.action.ActionType;
import dev.tend.action.Arguments;
import dev.tend.redis.RedisTarget;
import java.time.Duration;

/** What the redis.* actions share: finding their target, and waiting with a bound. */
final class RedisActions {
    private RedisActions() {}

    /** The one positional argument, which must name a redis target. */
    static RedisTarget target(Arguments arguments, ActionType.Lookup lookup) {
        return arguments.target(0, lookup, RedisTarget.class, "redis");
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
