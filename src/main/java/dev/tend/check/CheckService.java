package dev.tend.check;

import dev.tend.config.TendConfig;
import dev.tend.store.ResultStore;
import dev.tend.target.Target;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/** Runs the checks of a config and records every result: what the CLI, API and scheduler call. */
public final class CheckService {
    private final Clock clock;

    public CheckService(Clock clock) {
        this.clock = clock;
    }

    public List<CheckResult> runAndRecord(TendConfig config, List<Target> targets, ResultStore store,
            Consumer<CheckResult> onResult) {
        List<CheckResult> results;
        try (var context = CheckContext.create(clock)) {
            results = new CheckRunner(clock, config.redactor(), config.concurrency()).run(targets, context, onResult);
        }
        store.save(results);
        return results;
    }
}
