package dev.tend.schedule;

import dev.tend.action.Action;
import java.time.Duration;
import java.util.Optional;

/**
 * One entry of {@code schedules:}: what runs (an action), when (cron in a zone, in a window, or
 * every so often), with how much jitter, what happens to runs missed while Tend was down and to a
 * run cut short by a crash, and how long it is expected to take (declared, else learned).
 */
public record ScheduleSettings(
        String name,
        Action action,
        Timing timing,
        Duration jitter,
        CatchUp catchUp,
        OnInterrupt interrupted,
        Optional<Duration> expectedDuration) {

    /** When a schedule is due. */
    public sealed interface Timing {
        String describe();
    }

    public record Cron(ZonedCron cron) implements Timing {
        @Override
        public String describe() {
            return cron.toString();
        }
    }

    /** At each opening of the named window. */
    public record InWindow(String window) implements Timing {
        @Override
        public String describe() {
            return "in window " + window;
        }
    }

    /** Every interval, on multiples of it since the epoch (so every instance agrees on the times). */
    public record Every(Duration interval) implements Timing {
        @Override
        public String describe() {
            return "every " + dev.tend.check.Units.age(interval);
        }
    }

    /** Runs missed while no Tend was running: run once on start, or skip to the next. */
    public enum CatchUp { ONCE, SKIP }

    /** A run cut short by a crash: run it again, or skip to the next. */
    public enum OnInterrupt { RERUN, SKIP }
}
