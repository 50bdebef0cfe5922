package dev.tend.cli;

import dev.tend.config.spec.DurationSpec;
import dev.tend.postgres.PostgresTarget;
import dev.tend.postgres.task.CreateIndexTask;
import dev.tend.postgres.task.PgTask;
import dev.tend.postgres.task.ReindexTask;
import dev.tend.postgres.task.StatementsResetTask;
import dev.tend.postgres.task.TerminateIdleTask;
import dev.tend.postgres.task.VacuumTask;
import dev.tend.schedule.WindowsSection;
import dev.tend.target.TargetsSection;
import dev.tend.task.TaskOutcomes;
import dev.tend.window.MaintenanceWindows;
import dev.tend.store.Stores;
import dev.tend.task.TaskOutcome;
import dev.tend.task.TaskRequest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code tend run ACTION [ARGS] [--target NAME] [--dry-run] [--json] [--force]}: run one action now,
 * as a schedule or a runbook step would, with its guardrails, and record it. The PostgreSQL tasks
 * keep their own options (--table, --schema, --idle, ...); every other action takes its arguments
 * as written after {@code run:} in tend.yaml.
 */
@Command(name = "run", footerHeading = "%nExamples:%n", footer = {"  tend run pg.vacuum --target db --table orders --dry-run", "  tend run pg.terminate-idle --target db --idle 2h",
        "  tend run redis.bgsave --target cache", "  tend run http.load api --requests 100 --concurrency 10", "  tend run maintenance-mode --on"},
        description = "Run an action now: a maintenance task (pg.vacuum, redis.bgsave, docker.restart, ...), a backup, a check round; "
                + "--dry-run says what it would do and changes nothing; disruptive ones only in an open window (or with --force).")
final class RunCommand implements Callable<Integer> {
    // Disruptive tasks ask the configured windows (windows: in tend.yaml); outside them only --force runs them.
    private static final Map<String, Function<RunCommand, PgTask>> TASKS = Map.of(
            "pg.vacuum", command -> VacuumTask.vacuum(),
            "pg.analyze", command -> VacuumTask.analyze(),
            "pg.terminate-idle", command -> new TerminateIdleTask(command.windows),
            "pg.reindex", command -> new ReindexTask(command.windows, command.bloated),
            "pg.create-index", command -> new CreateIndexTask(command.columns, command.approve),
            "pg.statements-reset", command -> new StatementsResetTask());

    private final Main.Environment environment;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    TendCommand tend;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ACTION", description = "the action: pg.vacuum, redis.bgsave, docker.restart, http.load, ... (tend run --list)")
    String taskName;

    @Option(names = "--list", description = "list every action and how it is written")
    boolean list;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "the action's arguments, as after run: in tend.yaml")
    java.util.List<String> arguments = new java.util.ArrayList<>();

    @Option(names = "--target", paramLabel = "NAME", description = "the target it acts on (or give it as the first argument)")
    String targetName;

    @Option(names = "--schema", paramLabel = "SCHEMA", description = "only this schema (exact name)")
    String schema;

    @Option(names = "--table", paramLabel = "TABLE", description = "only this table (exact name; schema public unless --schema)")
    String table;

    @Option(names = "--dry-run", description = "say what it would do (a PostgreSQL task: the exact SQL) and change nothing")
    boolean dryRun;

    @Option(names = "--force", description = "run a disruptive action outside a maintenance window")
    boolean force;

    @Option(names = "--idle", paramLabel = "DURATION", defaultValue = "1h", description = "pg.terminate-idle: idle longer than this (default 1h)")
    String idle;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "1h", description = "PostgreSQL tasks: the statement timeout (default 1h); other actions: their own bound, where they take one")
    String timeout;

    @Option(names = "--columns", split = ",", paramLabel = "COLUMN", description = "pg.create-index: the columns, in order")
    java.util.List<String> columns = new java.util.ArrayList<>();

    @Option(names = "--bloated", description = "pg.reindex: the indexes the report estimates as bloated, not the invalid ones")
    boolean bloated;

    @Option(names = "--approve", description = "pg.create-index: approve building the index (without it, only the plan)")
    boolean approve;

    @Option(names = "--json", description = "print the outcome as JSON")
    boolean json;

    private MaintenanceWindows windows = MaintenanceWindows.none();

    /** The action as a schedule would write it: its name, the target, then its own words in the order given. */
    private String actionText() {
        var words = new java.util.ArrayList<String>();
        words.add(taskName);
        if (targetName != null) words.add(targetName);
        words.addAll(arguments);
        if (spec.commandLine().getParseResult().hasMatchedOption("--timeout")) words.addAll(java.util.List.of("--timeout", timeout));
        if (approve) words.add("--approve"); // read by tend run itself for pg.create-index; docker.prune takes it too
        return String.join(" ", words);
    }

    RunCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        if (list) {
            RunList.print(spec.commandLine().getOut());
            return 0;
        }
        if (taskName == null) throw new ParameterException(spec.commandLine(), "name the action to run (tend run --list shows them)");
        if (!TASKS.containsKey(taskName)) {
            return new RunAction(environment, spec, tend.loadConfig()).run(actionText(), dryRun, force, json);
        }
        if (targetName == null) throw new ParameterException(spec.commandLine(), taskName + " needs --target NAME (a postgres target)");
        var duration = DurationSpec.parse(timeout);
        if (duration == null) throw new ParameterException(spec.commandLine(), "--timeout: '" + timeout + "' is not a duration such as 30m");
        var idleFor = DurationSpec.parse(idle);
        if (idleFor == null) throw new ParameterException(spec.commandLine(), "--idle: '" + idle + "' is not a duration such as 1h");
        var config = tend.loadConfig();
        windows = WindowsSection.calendar(config);
        var task = Optional.ofNullable(TASKS.get(taskName)).orElseThrow().apply(this);
        var target = TargetsSection.named(config, targetName).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "no target named '" + targetName + "'"));
        if (!(target instanceof PostgresTarget postgres)) {
            throw new ParameterException(spec.commandLine(), "'" + targetName + "' is a " + target.settings().type()
                    + " target; " + taskName + " needs a postgres target");
        }
        try (var store = Stores.open(config.store())) {
            var request = new TaskRequest(Optional.ofNullable(schema), Optional.ofNullable(table), dryRun, force, duration, idleFor);
            var outcome = task.run(postgres, request, environment.clock());
            new TaskOutcomes(store).save(outcome);
            if (!dryRun) {
                AuditSource.record(store, environment, AuditSource.loginName(environment), "task.run", taskName + " " + targetName + ": " + outcome.result()
                        + (outcome.reason().isBlank() ? "" : " (" + outcome.reason() + ")"));
            }
            TaskOutput.print(outcome, task.impact(), json, spec.commandLine().getOut());
            return outcome.result() == TaskOutcome.Result.SUCCEEDED || outcome.result() == TaskOutcome.Result.PLANNED ? 0 : 1;
        }
    }

}
