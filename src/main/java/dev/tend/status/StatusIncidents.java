package dev.tend.status;

import dev.tend.store.Database;
import dev.tend.store.JsonColumns;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.type.TypeReference;

/** The status_incident and status_incident_update tables: incidents published on the status page, with their updates. */
public final class StatusIncidents {
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {};
    private final Database database;

    public StatusIncidents(Database database) {
        this.database = database;
    }

    /** Publishes an incident with its first update, in one transaction; returns its number. */
    public long publish(String name, String impact, List<String> components, Optional<Long> alertIncident, String body, String actor, Instant at) {
        return database.write("the status incident", () -> database.jdbi().inTransaction(handle -> {
            long id = handle.createUpdate("INSERT INTO status_incident (name, status, impact, components, alert_incident, created_at, updated_at) "
                            + "VALUES (:name, 'investigating', :impact, :components, :alert, :at, :at)")
                    .bind("name", name).bind("impact", impact).bind("components", JsonColumns.write(components))
                    .bind("alert", alertIncident.orElse(null)).bind("at", at.toEpochMilli())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            handle.createUpdate("INSERT INTO status_incident_update (incident_id, status, body, at, actor) VALUES (:id, 'investigating', :body, :at, :actor)")
                    .bind("id", id).bind("body", body).bind("at", at.toEpochMilli()).bind("actor", actor).execute();
            return id;
        }));
    }

    /** Adds an update that sets the incident's status; resolving (or a postmortem) sets its resolve time once. */
    public void update(long id, String status, String body, String actor, Instant at) {
        database.run("the status incident", () -> database.jdbi().useTransaction(handle -> {
            boolean done = status.equals("resolved") || status.equals("postmortem");
            handle.createUpdate("UPDATE status_incident SET status = :status, updated_at = :at"
                            + (done ? ", resolved_at = COALESCE(resolved_at, :at)" : ", resolved_at = NULL") + " WHERE id = :id")
                    .bind("status", status).bind("at", at.toEpochMilli()).bind("id", id).execute();
            handle.createUpdate("INSERT INTO status_incident_update (incident_id, status, body, at, actor) VALUES (:id, :status, :body, :at, :actor)")
                    .bind("id", id).bind("status", status).bind("body", body).bind("at", at.toEpochMilli()).bind("actor", actor).execute();
        }));
    }

    public Optional<StatusIncident> find(long id) {
        return list("WHERE id = " + id, 1).stream().findFirst();
    }

    /** Unresolved ones, and those resolved since {@code since}, newest first. */
    public List<StatusIncident> recent(Instant since, int limit) {
        return list("WHERE resolved_at IS NULL OR resolved_at >= " + since.toEpochMilli(), limit);
    }

    /** The alert incidents already published, so they are no longer proposed. */
    public List<Long> publishedAlertIncidents() {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT alert_incident FROM status_incident WHERE alert_incident IS NOT NULL")
                .mapTo(Long.class).list());
    }

    private List<StatusIncident> list(String where, int limit) {
        return database.jdbi().withHandle(handle -> {
            var rows = handle.createQuery("SELECT id, name, status, impact, components, created_at, updated_at, resolved_at FROM status_incident "
                            + where + " ORDER BY id DESC LIMIT " + limit)
                    .map((row, context) -> {
                        long resolved = row.getLong("resolved_at");
                        var resolvedAt = row.wasNull() ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(resolved));
                        return new StatusIncident(Long.toString(row.getLong("id")), row.getString("name"), row.getString("status"), row.getString("impact"),
                                JsonColumns.read(row.getString("components"), NAMES), Instant.ofEpochMilli(row.getLong("created_at")),
                                Instant.ofEpochMilli(row.getLong("updated_at")), resolvedAt, Optional.empty(), Optional.empty(), List.of());
                    }).list();
            if (rows.isEmpty()) return rows;
            var updates = new HashMap<String, List<StatusIncident.Update>>();
            var ids = String.join(",", rows.stream().map(StatusIncident::id).toList());
            handle.createQuery("SELECT id, incident_id, status, body, at, actor FROM status_incident_update WHERE incident_id IN (" + ids + ") ORDER BY id DESC")
                    .map((row, context) -> new Object[] {Long.toString(row.getLong("incident_id")), new StatusIncident.Update(
                            "u" + row.getLong("id"), row.getString("status"), row.getString("body"), Instant.ofEpochMilli(row.getLong("at")), row.getString("actor"))})
                    .forEach(pair -> updates.computeIfAbsent((String) pair[0], key -> new ArrayList<>()).add((StatusIncident.Update) pair[1]));
            return rows.stream().map(incident -> new StatusIncident(incident.id(), incident.name(), incident.status(), incident.impact(), incident.components(),
                    incident.createdAt(), incident.updatedAt(), incident.resolvedAt(), incident.scheduledFor(), incident.scheduledUntil(),
                    List.copyOf(updates.getOrDefault(incident.id(), List.of())))).toList();
        });
    }
}
