package dev.tend.check;

import dev.tend.config.TendConfig;
import dev.tend.store.Database;
import dev.tend.store.StoreException;
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

    /** The results were taken but could not be recorded; they travel with the failure so none is lost. */
    public static final class NotRecordedException extends RuntimeException {
        private final transient List<CheckResult> results;

        NotRecordedException(List<CheckResult> results, StoreException cause) {
            super("the results were not recorded: " + cause.getMessage(), cause);
            this.results = results;
        }

        public List<CheckResult> results() {
            return results;
        }
    }

    public List<CheckResult> runAndRecord(TendConfig config, List<Target> targets, Database store,
            Consumer<CheckResult> onResult) {
        List<CheckResult> results;
        try (var context = CheckContext.create(clock)) {
            results = new CheckRunner(clock, config.redactor(), config.concurrency()).run(targets, context, onResult);
        }
        try {
            new ResultHistory(store).save(results);
        } catch (StoreException e) {
            throw new NotRecordedException(results, e);
        }
        return results;
    }
}
