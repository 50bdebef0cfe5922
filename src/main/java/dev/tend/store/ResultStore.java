package dev.tend.store;

import dev.tend.check.CheckResult;
import dev.tend.task.TaskOutcome;
import java.util.List;

/** Where check results are kept as evidence. SQLite and PostgreSQL implement it identically. */
public interface ResultStore extends AutoCloseable {

    /** Appends results; results are never updated or deleted through this interface. */
    void save(List<CheckResult> results);

    /** The most recent result of every (target, check) ever recorded. */
    List<CheckResult> latest();

    /** Results of one check, newest first. */
    List<CheckResult> history(String target, String check, int limit);

    /** Appends the evidence of one maintenance task run. */
    void saveOutcome(TaskOutcome outcome);

    /** Task runs on one target, newest first. */
    List<TaskOutcome> outcomes(String target, int limit);

    @Override
    void close();
}
