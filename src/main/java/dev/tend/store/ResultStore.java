package dev.tend.store;

import dev.tend.backup.Verification;
import dev.tend.check.CheckResult;
import dev.tend.runbook.MaintenanceEvent;
import dev.tend.runbook.MaintenanceRun;
import dev.tend.runbook.SignOff;
import dev.tend.schedule.ScheduleRun;
import dev.tend.task.TaskOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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

    /** Records the idx_scan of each index (schema-qualified name → scans) at one moment, where it changed. */
    void saveIndexScans(String target, Instant at, Map<String, Long> scans);

    /**
     * For each given index and its current idx_scan, since when every snapshot has shown that same
     * value — i.e. how long it has gone unscanned. Indexes without such a snapshot are left out.
     */
    Map<String, Instant> unscannedSince(String target, Map<String, Long> current);

    /** Appends the evidence of one backup verification or restore drill. */
    void saveVerification(Verification verification);

    /** Verifications and drills of one backup name, newest first. */
    List<Verification> verifications(String backup, int limit);

    /** Records a scheduled run as it starts (or as skipped/missed, already finished); returns its id. */
    long saveRun(ScheduleRun run);

    /** Ends a RUNNING record: its status, when, and what happened. */
    void finishRun(long id, ScheduleRun.Status status, Instant finishedAt, String detail);

    /** Marks the RUNNING record of a schedule's occurrence as INTERRUPTED (its instance died); returns how many were. */
    int interruptRuns(String schedule, Instant dueAt, Instant at, String detail);

    /** The connection pool, shared with db-scheduler (its table lives in the same database). */
    javax.sql.DataSource dataSource();

    /** Runs of one schedule, newest first. */
    List<ScheduleRun> runs(String schedule, int limit);

    /** Appends a checklist sign-off. */
    void saveSignOff(SignOff signOff);

    /** Sign-offs of one checklist, newest first. */
    List<SignOff> signOffs(String checklist, int limit);

    /** Starts the record of a maintenance run; returns its id. */
    long createRun(MaintenanceRun run);

    /** Updates a run's state, position, end, log entry and notice. */
    void updateRun(MaintenanceRun run);

    java.util.Optional<MaintenanceRun> maintenanceRun(long id);

    /** Moves a run from one state to another only if it is still in that state at that step; false if someone was first. */
    boolean claimRun(long id, MaintenanceRun.State from, int position, MaintenanceRun.State to);

    /** Appends to a run's timeline. */
    void saveEvent(MaintenanceEvent event);

    List<MaintenanceEvent> events(long runId);

    @Override
    void close();
}
