package dev.tend.cli;

import dev.tend.check.CheckService;
import dev.tend.config.ConfigLoader;
import dev.tend.demo.Demo;
import dev.tend.postgres.PostgresTarget;
import dev.tend.postgres.report.IndexScanHistory;
import dev.tend.postgres.report.PgReport;
import dev.tend.postgres.task.VacuumTask;
import dev.tend.task.TaskRequest;
import java.time.Duration;
import java.util.Optional;
import dev.tend.store.Stores;
import dev.tend.target.TargetTypes;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tend demo}: Tend's main job on a throwaway platform it starts itself. */
@Command(name = "demo", description = "Start a throwaway PostgreSQL + Redis + API, check them all, and record the results.")
final class DemoCommand implements Callable<Integer> {
    private final Main.Environment environment;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", description = "where the demo writes its config (default: tend-data/demo)")
    Path directory = Path.of("tend-data", "demo");

    DemoCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        Demo demo;
        try {
            demo = Demo.start(directory, out);
        } catch (NoClassDefFoundError missing) {
            throw new IllegalStateException("the demo libraries are not on the class path; run the demo through ./tend demo");
        }
        try (demo) {
            var config = new ConfigLoader(TargetTypes.builtIn(), environment.variables()).load(demo.configFile());
            try (var store = Stores.open(config.store())) {
                out.println();
                var results = new CheckService(environment.clock()).runAndRecord(config, config.targets(), store, result -> {});
                ResultTable.print(results, out, Terminal.colors(environment.variables()));
                long recorded = store.latest().size();
                out.println();
                out.println("PostgreSQL report (tend pg report postgres):");
                var postgres = (PostgresTarget) config.target("postgres").orElseThrow();
                PgReportCommand.print(new IndexScanHistory(store, environment.clock()).annotate(postgres,
                        new PgReport(postgres.reportPolicy(), config.redactor()).run(postgres, postgres.settings().timeout())), out);
                out.println();
                out.println("A guarded maintenance task (tend run pg.vacuum --target postgres --table molecules):");
                var vacuum = VacuumTask.vacuum();
                var outcome = vacuum.run(postgres, new TaskRequest(Optional.empty(), Optional.of("molecules"), false, false,
                        Duration.ofMinutes(5), Duration.ofHours(1)), environment.clock());
                store.saveOutcome(outcome);
                TaskOutput.print(outcome, vacuum.impact(), false, out);
                out.println();
                out.println("Recorded in " + config.store().describe() + " (" + recorded + " checks with history). "
                        + "Run it again and the history grows; the demo services stop when it ends.");
                out.println("Task runs are kept as evidence too (" + store.outcomes("postgres", 100).size() + " for this target).");
            }
        }
        out.flush();
        return 0;
    }
}
