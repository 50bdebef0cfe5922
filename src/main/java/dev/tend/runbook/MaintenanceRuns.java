package dev.tend.runbook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import dev.tend.store.Database;

/** The maintenance_run and maintenance_event tables: a run's state as it moves, and its timeline. */
public final class MaintenanceRuns {
    private final Database database;

    public MaintenanceRuns(Database database) {
        this.database = database;
    }

    /** Starts the record of a maintenance run; returns its id. */
    public long create(MaintenanceRun run) {
        return database.write("the maintenance run", () -> database.jdbi().withHandle(handle -> handle.createUpdate("INSERT INTO maintenance_run "
                        + "(runbook, state, position, started_at, finished_at, actor, log_entry, notice) "
                        + "VALUES (:runbook, :state, :position, :started, NULL, :actor, '', '')")
                .bind("runbook", run.runbook()).bind("state", run.state().name()).bind("position", run.position())
                .bind("started", run.startedAt().toEpochMilli()).bind("actor", run.actor())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one()));
    }

    /** Updates a run's state, position, end, log entry and notice. */
    public void update(MaintenanceRun run) {
        database.run("the maintenance run", () -> database.jdbi().useHandle(handle -> handle.createUpdate("UPDATE maintenance_run SET state = :state, position = :position, finished_at = :finished, "
                        + "log_entry = :log, notice = :notice WHERE id = :id")
                .bind("state", run.state().name()).bind("position", run.position())
                .bind("finished", run.finishedAt().map(Instant::toEpochMilli).orElse(null))
                .bind("log", run.logEntry()).bind("notice", run.notice()).bind("id", run.id())
                .execute()));
    }

    /** Moves a run from one state to another only if it is still in that state at that step; false if someone was first. */
    public boolean claim(long id, MaintenanceRun.State from, int position, MaintenanceRun.State to) {
        return database.write("the maintenance run", () -> database.jdbi().withHandle(handle -> handle.createUpdate(
                        "UPDATE maintenance_run SET state = :to WHERE id = :id AND state = :from AND position = :position")
                .bind("to", to.name()).bind("id", id).bind("from", from.name()).bind("position", position)
                .execute()) == 1);
    }

    public Optional<MaintenanceRun> find(long id) {
        return runs("WHERE id = :id", query -> query.bind("id", id)).stream().findFirst();
    }

    /** Runs started at or after {@code since}, oldest first: what the status page follows. */
    public List<MaintenanceRun> startedSince(Instant since) {
        return runs("WHERE started_at >= :since ORDER BY id", query -> query.bind("since", since.toEpochMilli()));
    }

    private List<MaintenanceRun> runs(String where, java.util.function.UnaryOperator<org.jdbi.v3.core.statement.Query> binding) {
        return database.jdbi().withHandle(handle -> binding.apply(handle.createQuery(
                        "SELECT id, runbook, state, position, started_at, finished_at, actor, log_entry, notice FROM maintenance_run " + where))
                .map((row, context) -> {
                    long finished = row.getLong("finished_at");
                    boolean open = row.wasNull();
                    return new MaintenanceRun(row.getLong("id"), row.getString("runbook"), MaintenanceRun.State.valueOf(row.getString("state")),
                            row.getInt("position"), Instant.ofEpochMilli(row.getLong("started_at")),
                            open ? Optional.empty() : Optional.of(Instant.ofEpochMilli(finished)), row.getString("actor"),
                            row.getString("log_entry"), row.getString("notice"));
                })
                .list());
    }

    /** Appends to a run's timeline. */
    public void saveEvent(MaintenanceEvent event) {
        database.run("the maintenance event", () -> database.jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO maintenance_event (run_id, at, actor, kind, step, detail) "
                        + "VALUES (:run, :at, :actor, :kind, :step, :detail)")
                .bind("run", event.runId()).bind("at", event.at().toEpochMilli()).bind("actor", event.actor())
                .bind("kind", event.kind().name()).bind("step", event.step()).bind("detail", event.detail())
                .execute()));
    }

    public List<MaintenanceEvent> events(long runId) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT run_id, at, actor, kind, step, detail FROM maintenance_event "
                        + "WHERE run_id = :run ORDER BY id")
                .bind("run", runId)
                .map((row, context) -> new MaintenanceEvent(row.getLong(1), Instant.ofEpochMilli(row.getLong(2)), row.getString(3),
                        MaintenanceEvent.Kind.valueOf(row.getString(4)), row.getString(5), row.getString(6)))
                .list());
    }
}
