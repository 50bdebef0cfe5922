package dev.tend.schedule;

import dev.tend.store.Database;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;

/** A schedule's expected duration learned from its past runs: the longest of its last five successes. */
public final class LearnedDurations {
    private static final int RUNS = 5;

    private LearnedDurations() {}

    public static Function<ScheduleSettings, Optional<Duration>> from(Database store) {
        return schedule -> new ScheduleRuns(store).recent(schedule.name(), 50).stream()
                .filter(run -> run.status() == ScheduleRun.Status.SUCCEEDED)
                .limit(RUNS)
                .flatMap(run -> run.duration().stream())
                .max(Comparator.naturalOrder());
    }
}
