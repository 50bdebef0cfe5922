package dev.tend.cli;

import dev.tend.action.WatchedTargets;
import dev.tend.capacity.CapacitySection;
import dev.tend.capacity.Forecasts;
import dev.tend.check.DailyRollups;
import dev.tend.schedule.WindowsSection;
import dev.tend.store.Stores;
import dev.tend.target.Target;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tend forecast}: every growing quantity's trend and the dates it reaches 70/80/90% and full. */
@Command(name = "forecast", footerHeading = "%nExamples:%n", footer = {"  tend forecast", "  tend forecast --json"},
        description = "Forecast disk, database, memory, bucket and backup growth from the stored history; exit 1 when a level is near.")
final class ForecastCommand implements Callable<Integer> {
    private final Main.Environment environment;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    TendCommand tend;

    @Option(names = "--json", description = "print {\"forecasts\":[...]}")
    boolean json;

    ForecastCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        var config = tend.loadConfig();
        try (var store = Stores.open(config.store())) {
            // The forecast reads daily rollups: bring them up to date (tend serve does this as it runs).
            new DailyRollups(store, WindowsSection.calendar(config)).due(environment.clock(), 90);
            var targets = WatchedTargets.of(config, store, environment.clock()).stream().map(Target::settings).toList();
            var forecasts = new Forecasts(store, environment.clock(), CapacitySection.of(config)).all(targets);
            var out = spec.commandLine().getOut();
            ForecastOutput.print(forecasts, json, out);
            out.flush();
            return forecasts.stream().allMatch(forecast -> forecast.status().isOk() || forecast.status() == dev.tend.check.Status.UNKNOWN) ? 0 : 1;
        }
    }
}
