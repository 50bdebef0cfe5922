package dev.tend.schedule;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.tend.check.Failures;
import dev.tend.config.TendConfig;
import dev.tend.action.ActionContext;
import dev.tend.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code tend serve}: the schedules run by db-scheduler on the store's database. Each schedule is
 * one execution row holding its next due time; the instance that claims it runs it, records it in
 * schedule_run, and writes the next one. Several instances on one PostgreSQL store share the rows,
 * so each occurrence runs once; an instance that stops heart-beating has its run marked
 * INTERRUPTED and handled by the schedule's policy.
 */
public final class ScheduleServer implements AutoCloseable {
    static final String TASK = "tend-schedule";
    private final Map<String, ScheduleSettings> schedules;
    private final ScheduleRunner runner;
    private final Scheduler scheduler;
    private final CustomTask<String> task;
    private final Consumer<String> log;
    private final Runnable afterRun;

    public ScheduleServer(TendConfig config, Database store, Clock clock, Function<String, String> environment, String instance,
            Consumer<String> log) {
        this(config, store, clock, environment, instance, log, () -> { });
    }

    /** @param afterRun called when a run ended (tend serve wakes its delivery: the run may have raised or resolved alerts) */
    public ScheduleServer(TendConfig config, Database store, Clock clock, Function<String, String> environment, String instance,
            Consumer<String> log, Runnable afterRun) {
        this.log = log;
        this.afterRun = afterRun;
        this.schedules = SchedulesSection.of(config).stream().collect(Collectors.toMap(ScheduleSettings::name, schedule -> schedule));
        var planner = new Planner(WindowsSection.calendar(config), LearnedDurations.from(store));
        this.runner = new ScheduleRunner(planner, store, clock, instance, new ActionContext(config, store, clock, environment, WindowsSection.calendar(config)), log);
        this.task = Tasks.custom(TASK, String.class)
                .onDeadExecution(this::interrupted)
                .execute(this::execute);
        var settings = ServeSection.of(config);
        this.scheduler = Scheduler.create(store.dataSource(), task)
                .pollingInterval(settings.pollInterval())
                .heartbeatInterval(settings.heartbeat())
                .missedHeartbeatsLimit(ServeSettings.MISSED_HEARTBEATS)
                .threads(settings.threads())
                .schedulerName(() -> instance)
                .clock(clock::instant)
                .alwaysPersistTimestampInUTC()
                .deleteUnresolvedAfter(java.time.Duration.ofDays(1))
                .build();
    }

    /** Writes each schedule's first execution unless one exists (a restart keeps the one it had), then starts. */
    public void start() {
        for (var schedule : schedules.values()) {
            runner.first(schedule).ifPresent(first ->
                    scheduler.scheduleIfNotExists(task.instance(schedule.name(), first.due().toString()), first.runAt().orElseThrow()));
        }
        scheduler.start();
    }

    private CompletionHandler<String> execute(TaskInstance<String> instance, ExecutionContext context) {
        var schedule = schedules.get(instance.getId());
        if (schedule == null) return (complete, operations) -> operations.remove(); // no longer configured
        java.util.Optional<PlannedRun> next;
        try {
            next = runner.run(schedule, Instant.parse(instance.getData()), context.getExecution().executionTime);
        } catch (RuntimeException e) {
            // Never retry the same occurrence (its action may have run): go on with the next one.
            log.accept("error in " + schedule.name() + ": " + Failures.describe(e) + "; going on with its next occurrence");
            next = runner.first(schedule);
        }
        afterRun.run();
        var planned = next;
        return (complete, operations) -> reschedule(complete, operations, planned);
    }

    private void interrupted(ExecutionComplete complete, ExecutionOperations<String> operations) {
        var execution = complete.getExecution();
        var schedule = schedules.get(execution.taskInstance.getId());
        if (schedule == null) {
            operations.remove();
            return;
        }
        var next = runner.interrupted(schedule, Instant.parse((String) execution.taskInstance.getData()), execution.pickedBy,
                execution.lastHeartbeat);
        reschedule(complete, operations, next);
    }

    private static void reschedule(ExecutionComplete complete, ExecutionOperations<String> operations, java.util.Optional<PlannedRun> next) {
        if (next.isEmpty()) {
            operations.remove(); // nothing runs any more (a one-off window passed, or blocked for the whole horizon)
        } else {
            operations.reschedule(complete, next.get().runAt().orElseThrow(), next.get().due().toString());
        }
    }

    @Override
    public void close() {
        scheduler.stop();
    }
}
