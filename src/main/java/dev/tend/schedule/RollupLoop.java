package dev.tend.schedule;

import dev.tend.check.DailyRollups;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * tend serve keeps the daily rollups current on a thread of their own, every {@link #EVERY}: a
 * first run may backfill {@link #BACKFILL_DAYS} days of history, which must not hold up the
 * schedules or the delivery of pages. Two instances doing it at once write the same rows. Then
 * raw results past their retention go (their days rolled up first).
 */
public final class RollupLoop implements AutoCloseable {
    public static final Duration EVERY = Duration.ofMinutes(10);
    public static final int BACKFILL_DAYS = 90;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("tend-rollups").factory());

    public RollupLoop(DailyRollups rollups, dev.tend.check.ResultRetention retention, Duration keep, Clock clock, Consumer<String> log) {
        executor.scheduleWithFixedDelay(() -> {
            try {
                var days = rollups.due(clock, BACKFILL_DAYS);
                if (days.size() > 2) log.accept("rollups: " + days.size() + " days rolled up (" + days.getFirst() + " to " + days.getLast() + ")");
                long removed = retention.prune(clock, keep);
                if (removed > 0) log.accept("retention: removed " + removed + " results older than " + dev.tend.check.Units.age(keep)
                        + " (their days stay as rollups)");
            } catch (RuntimeException e) {
                log.accept("rollups: " + dev.tend.check.Failures.describe(e) + "; trying again in " + EVERY.toMinutes() + " min");
            }
        }, 5, EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
