package dev.tend.store;

import dev.tend.runbook.MaintenanceEvent;
import dev.tend.runbook.MaintenanceRun;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The maintenance_run and maintenance_event tables. */
final class MaintenanceRuns {
    private final Jdbi jdbi;

    MaintenanceRuns(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    long create(MaintenanceRun run) {
        return jdbi.withHandle(handle -> handle.createUpdate("INSERT INTO maintenance_run "
                        + "(runbook, state, position, started_at, finished_at, actor, log_entry, notice) "
                        + "VALUES (:runbook, :state, :position, :started, NULL, :actor, '', '')")
                .bind("runbook", run.runbook()).bind("state", run.state().name()).bind("position", run.position())
                .bind("started", run.startedAt().toEpochMilli()).bind("actor", run.actor())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    void update(MaintenanceRun run) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE maintenance_run SET state = :state, position = :position, finished_at = :finished, "
                        + "log_entry = :log, notice = :notice WHERE id = :id")
                .bind("state", run.state().name()).bind("position", run.position())
                .bind("finished", run.finishedAt().map(Instant::toEpochMilli).orElse(null))
                .bind("log", run.logEntry()).bind("notice", run.notice()).bind("id", run.id())
                .execute());
    }

    Optional<MaintenanceRun> find(long id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id, runbook, state, position, started_at, finished_at, actor, log_entry, notice "
                        + "FROM maintenance_run WHERE id = :id")
                .bind("id", id)
                .map((row, context) -> {
                    long finished = row.getLong("finished_at");
                    boolean open = row.wasNull();
                    return new MaintenanceRun(row.getLong("id"), row.getString("runbook"), MaintenanceRun.State.valueOf(row.getString("state")),
                            row.getInt("position"), Instant.ofEpochMilli(row.getLong("started_at")),
                            open ? Optional.empty() : Optional.of(Instant.ofEpochMilli(finished)), row.getString("actor"),
                            row.getString("log_entry"), row.getString("notice"));
                })
                .findOne());
    }

    void event(MaintenanceEvent event) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO maintenance_event (run_id, at, actor, kind, step, detail) "
                        + "VALUES (:run, :at, :actor, :kind, :step, :detail)")
                .bind("run", event.runId()).bind("at", event.at().toEpochMilli()).bind("actor", event.actor())
                .bind("kind", event.kind().name()).bind("step", event.step()).bind("detail", event.detail())
                .execute());
    }

    List<MaintenanceEvent> events(long runId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT run_id, at, actor, kind, step, detail FROM maintenance_event "
                        + "WHERE run_id = :run ORDER BY id")
                .bind("run", runId)
                .map((row, context) -> new MaintenanceEvent(row.getLong(1), Instant.ofEpochMilli(row.getLong(2)), row.getString(3),
                        MaintenanceEvent.Kind.valueOf(row.getString(4)), row.getString(5), row.getString(6)))
                .list());
    }
}
