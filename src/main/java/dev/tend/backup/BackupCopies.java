package dev.tend.backup;

import dev.tend.store.Database;
import dev.tend.task.TaskOutcome;
import dev.tend.task.TaskOutcomes;
import java.time.Instant;
import java.util.Optional;

/** A backup's copies as its task outcomes record them: what the API, the UI and /metrics ask of them. */
public final class BackupCopies {
    private final TaskOutcomes outcomes;

    public BackupCopies(Database store) {
        this.outcomes = new TaskOutcomes(store);
    }

    /** The newest copy that completed: its {@code backup.create} outcome (object {@code NAME/ID}). */
    public Optional<TaskOutcome> lastCopy(BackupSettings backup) {
        return outcomes.recent(backup.target().name(), 500).stream()
                .filter(outcome -> outcome.task().equals("backup.create") && outcome.result() == TaskOutcome.Result.SUCCEEDED
                        && outcome.object().startsWith(backup.name() + "/"))
                .findFirst();
    }

    /** When a copy's outcome says it was done. */
    public static Instant doneAt(TaskOutcome copy) {
        return copy.startedAt().plus(copy.duration());
    }
}
