package dev.tend.schedule;

import dev.tend.check.Units;
import dev.tend.task.Impact;
import dev.tend.window.WindowOccurrence;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns schedules into runs: when each is due, and when it really starts. Disruptive actions start
 * only inside a window covering their targets with at least their expected duration left; they
 * wait for the next such window, passing over shorter ones with a stated reason. {@code tend plan}
 * and {@code tend serve} use the same planner, so the plan is what will happen.
 */
public final class Planner {
    private final MaintenanceCalendar calendar;
    private final Function<ScheduleSettings, Optional<Duration>> learned;

    /** {@code learned}: a duration from past runs, for schedules that declare none. */
    public Planner(MaintenanceCalendar calendar, Function<ScheduleSettings, Optional<Duration>> learned) {
        this.calendar = calendar;
        this.learned = learned;
    }

    public MaintenanceCalendar calendar() {
        return calendar;
    }

    /** The nominal occurrence strictly after {@code after}. */
    public Optional<Instant> nextDue(ScheduleSettings schedule, Instant after) {
        return switch (schedule.timing()) {
            case ScheduleSettings.Cron cron -> cron.cron().next(after);
            case ScheduleSettings.Every every -> {
                long interval = every.interval().toMillis();
                long next = Math.floorDiv(after.toEpochMilli(), interval) * interval + interval;
                yield Optional.of(Instant.ofEpochMilli(next));
            }
            case ScheduleSettings.InWindow inWindow -> window(inWindow.window())
                    .flatMap(window -> window.between(after, after.plus(MaintenanceCalendar.HORIZON)).stream()
                            .map(WindowOccurrence::start).filter(start -> start.isAfter(after)).findFirst());
        };
    }

    /** The expected duration: declared, else learned, else zero (then any open window will do). */
    public Duration expected(ScheduleSettings schedule) {
        return schedule.expectedDuration().or(() -> learned.apply(schedule)).orElse(Duration.ZERO);
    }

    /** What becomes of the occurrence due at {@code due}. */
    public PlannedRun place(ScheduleSettings schedule, Instant due) {
        var action = schedule.action().describe();
        var jitter = jitter(schedule, due);
        if (schedule.action().impact() == Impact.ONLINE) {
            return new PlannedRun(schedule.name(), action, due, Optional.of(due.plus(jitter)), Optional.empty(), PlannedRun.Outcome.RUNS, "");
        }
        var expected = expected(schedule);
        var covering = new MaintenanceCalendar(calendar.windows().stream()
                .filter(window -> schedule.action().targets().stream().allMatch(window::covers)).toList());
        if (schedule.timing() instanceof ScheduleSettings.InWindow inWindow) {
            var window = window(inWindow.window()).orElseThrow();
            if (window.duration().compareTo(expected) < 0) {
                return new PlannedRun(schedule.name(), action, due, Optional.empty(), Optional.of(window.name()), PlannedRun.Outcome.SKIPPED,
                        "window " + window.name() + " lasts " + Units.age(window.duration()) + ", less than the " + Units.age(expected) + " it is expected to take");
            }
        }
        var passedOver = new ArrayList<WindowOccurrence>();
        var fitting = covering.nextFitting(schedule.action().targets().isEmpty() ? "" : schedule.action().targets().get(0), due, expected, passedOver::add);
        var skipped = passedOver.stream().map(occurrence -> "passes over " + occurrence.window() + " at " + occurrence.start() + " ("
                + Units.age(occurrence.left(due)) + " left, " + Units.age(expected) + " expected)").toList();
        if (fitting.isEmpty()) {
            return new PlannedRun(schedule.name(), action, due, Optional.empty(), Optional.empty(), PlannedRun.Outcome.BLOCKED,
                    "disruptive, and no window covering " + String.join(", ", schedule.action().targets()) + " has " + Units.age(expected)
                            + " free in the next " + MaintenanceCalendar.HORIZON.toDays() + " days");
        }
        var occurrence = fitting.get();
        var start = due.isBefore(occurrence.start()) ? occurrence.start() : due;
        // Jitter, but never so much that the expected duration no longer fits before the window closes.
        var room = Duration.between(start.plus(expected), occurrence.end());
        var runAt = start.plus(jitter.compareTo(room) > 0 ? room : jitter);
        var waits = start.isAfter(due);
        var notes = new ArrayList<String>(skipped);
        if (waits) notes.add(0, "disruptive: waits for window " + occurrence.window() + " (opens " + occurrence.start() + ")");
        if (expected.isZero()) notes.add("no expected duration yet (declare expectedDuration or let it learn from runs)");
        return new PlannedRun(schedule.name(), action, due, Optional.of(runAt), Optional.of(occurrence.window()),
                waits ? PlannedRun.Outcome.WAITS : PlannedRun.Outcome.RUNS, String.join("; ", notes));
    }

    /** For disruptive work starting at {@code at}: the open window covering its targets with its expected duration left. */
    public Optional<WindowOccurrence> openFor(ScheduleSettings schedule, Instant at) {
        var expected = expected(schedule);
        return calendar.windows().stream()
                .filter(window -> schedule.action().targets().stream().allMatch(window::covers))
                .flatMap(window -> window.between(at, at.plusNanos(1)).stream())
                .filter(occurrence -> occurrence.contains(at) && occurrence.left(at).compareTo(expected) >= 0)
                .max(Comparator.comparing(occurrence -> occurrence.left(at)));
    }

    /** Every occurrence due in [from, to) of every schedule, by due time. */
    /** The plan of a config's schedules over [from, to), with durations learned from its store: what tend plan, the API and the UI show. */
    public static List<PlannedRun> of(dev.tend.config.TendConfig config, dev.tend.store.Database store, Instant from, Instant to) {
        return new Planner(WindowsSection.calendar(config), LearnedDurations.from(store)).plan(SchedulesSection.of(config), from, to);
    }

    public List<PlannedRun> plan(List<ScheduleSettings> schedules, Instant from, Instant to) {
        var runs = new ArrayList<PlannedRun>();
        for (var schedule : schedules) {
            var cursor = from.minusNanos(1);
            for (int guard = 0; guard < 100_000; guard++) {
                var due = nextDue(schedule, cursor);
                if (due.isEmpty() || !due.get().isBefore(to)) break;
                runs.add(place(schedule, due.get()));
                cursor = due.get();
            }
        }
        runs.sort(Comparator.comparing(PlannedRun::due).thenComparing(PlannedRun::schedule));
        return runs;
    }

    /** The same for every instance: a hash of the schedule's name and the due time, within the jitter. */
    static Duration jitter(ScheduleSettings schedule, Instant due) {
        if (schedule.jitter().isZero()) return Duration.ZERO;
        var bytes = ByteBuffer.allocate(8).putLong(due.toEpochMilli()).array();
        long hash = (schedule.name().hashCode() * 31L) ^ java.util.Arrays.hashCode(bytes);
        return Duration.ofMillis(Math.floorMod(hash * 0x9E3779B97F4A7C15L, schedule.jitter().toMillis() + 1));
    }

    private Optional<MaintenanceWindow> window(String name) {
        return calendar.windows().stream().filter(window -> window.name().equals(name)).findFirst();
    }
}
