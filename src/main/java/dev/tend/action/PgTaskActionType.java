package dev.tend.action;

import dev.tend.postgres.PostgresTarget;
import dev.tend.postgres.task.PgTask;
import dev.tend.postgres.task.ReindexTask;
import dev.tend.postgres.task.StatementsResetTask;
import dev.tend.postgres.task.TerminateIdleTask;
import dev.tend.postgres.task.VacuumTask;
import dev.tend.task.Impact;
import dev.tend.task.TaskOutcomes;
import dev.tend.window.MaintenanceWindows;
import dev.tend.task.TaskOutcome;
import dev.tend.task.TaskRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** {@code pg.vacuum|pg.analyze|pg.reindex|pg.terminate-idle|pg.statements-reset TARGET}: the PostgreSQL tasks, guarded as ever. */
public final class PgTaskActionType implements ActionType {
    private static final Map<String, Function<MaintenanceWindows, PgTask>> TASKS = Map.of(
            "pg.vacuum", windows -> VacuumTask.vacuum(),
            "pg.analyze", windows -> VacuumTask.analyze(),
            "pg.reindex", windows -> new ReindexTask(windows, false),
            "pg.terminate-idle", TerminateIdleTask::new,
            "pg.statements-reset", windows -> new StatementsResetTask());

    @Override
    public List<String> names() {
        return TASKS.keySet().stream().sorted().toList();
    }

    @Override
    public String usage(String name) {
        return name + " TARGET";
    }

    @Override
    public Action parse(String name, List<String> arguments, Lookup lookup) {
        if (arguments.size() != 1) throw new IllegalArgumentException("write " + usage(name));
        var target = lookup.targets().get(arguments.get(0));
        if (!(target instanceof PostgresTarget postgres)) {
            throw new IllegalArgumentException(name + ": '" + arguments.get(0) + "' is not a postgres target");
        }
        return new PgTaskAction(name, postgres);
    }

    private record PgTaskAction(String name, PostgresTarget target) implements Action {
        @Override
        public String describe() {
            return name + " " + target.name();
        }

        @Override
        public Impact impact() {
            return TASKS.get(name).apply(MaintenanceWindows.none()).impact();
        }

        @Override
        public List<String> targets() {
            return List.of(target.name());
        }

        @Override
        public ActionResult run(ActionContext context) {
            var task = TASKS.get(name).apply(context.windows());
            var outcome = task.run(target, new TaskRequest(Optional.empty(), Optional.empty(), false, false, Duration.ofHours(1),
                    Duration.ofHours(1)), context.clock());
            new TaskOutcomes(context.store()).save(outcome);
            return new ActionResult(outcome.result() == TaskOutcome.Result.SUCCEEDED, outcome.result() + ": " + outcome.reason());
        }
    }
}
