package dev.tend.store;

import dev.tend.check.CheckResult;
import java.util.List;

/** Where check results are kept as evidence. SQLite and PostgreSQL implement it identically. */
public interface ResultStore extends AutoCloseable {

    /** Appends results; results are never updated or deleted through this interface. */
    void save(List<CheckResult> results);

    /** The most recent result of every (target, check) ever recorded. */
    List<CheckResult> latest();

    /** Results of one check, newest first. */
    List<CheckResult> history(String target, String check, int limit);

    @Override
    void close();
}
