package dev.tend.alert.escalate;

import dev.tend.store.Database;
import dev.tend.store.JsonColumns;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import tools.jackson.core.type.TypeReference;

/** The escalation_step table: each level of an incident's policy as a row, due at a time. */
public final class EscalationSteps {
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {};
    private final Database database;

    public EscalationSteps(Database database) {
        this.database = database;
    }

    /** A level due now, claimed for one attempt at escalating. */
    public record Due(long id, long incident, String policy, int level, List<String> notifiers, Optional<String> oncall, List<String> people) {}

    /**
     * Writes the policy's steps from {@code from} on, in the caller's transaction: the first level
     * as SENT (its notifications go with the triggering event), the rest PENDING.
     */
    static void schedule(Handle handle, long incident, Policy policy, Instant from) {
        boolean first = true;
        for (var step : policy.steps()) {
            var level = policy.levels().get(step.level());
            handle.createUpdate("INSERT INTO escalation_step (incident_id, policy, level, due_at, state, notifiers, oncall, people) "
                            + "VALUES (:incident, :policy, :level, :due, :state, :notifiers, :oncall, :people)")
                    .bind("incident", incident).bind("policy", policy.name()).bind("level", step.level())
                    .bind("due", from.plus(step.after()).toEpochMilli()).bind("state", first ? "SENT" : "PENDING")
                    .bind("notifiers", JsonColumns.write(level.notifiers())).bind("oncall", level.oncall().orElse(""))
                    .bind("people", JsonColumns.write(level.people())).execute();
            first = false;
        }
    }

    /** Stops an incident's escalation (acknowledged or resolved), in the caller's transaction. */
    public static void cancel(Handle handle, long incident) {
        handle.createUpdate("UPDATE escalation_step SET state = 'CANCELLED' WHERE incident_id = :incident AND state IN ('PENDING', 'CLAIMED')")
                .bind("incident", incident).execute();
    }

    public static void sent(Handle handle, long step) {
        handle.createUpdate("UPDATE escalation_step SET state = 'SENT' WHERE id = :id").bind("id", step).execute();
    }

    public void cancelled(long step) {
        database.run("the escalation step", () -> database.jdbi().useHandle(handle -> handle.createUpdate(
                "UPDATE escalation_step SET state = 'CANCELLED' WHERE id = :id").bind("id", step).execute()));
    }

    /** Every notifier told of the incident so far (its acknowledgement and resolve go to them). */
    public Set<String> notified(long incident) {
        var names = new LinkedHashSet<String>();
        database.jdbi().useHandle(handle -> handle.createQuery("SELECT notifiers FROM escalation_step WHERE incident_id = :incident AND state = 'SENT' ORDER BY id")
                .bind("incident", incident).mapTo(String.class).forEach(json -> names.addAll(JsonColumns.read(json, NAMES))));
        return names;
    }

    /** Claims the levels due now (a lease: another instance skips them until it ends). */
    public List<Due> claimDue(Instant now, java.time.Duration lease, int limit) {
        var token = UUID.randomUUID().toString();
        return database.write("the escalation claim", () -> database.jdbi().inTransaction(handle -> {
            handle.createUpdate("UPDATE escalation_step SET state = 'CLAIMED', claimed_by = :token, claimed_until = :until WHERE due_at <= :now "
                            + "AND (state = 'PENDING' OR (state = 'CLAIMED' AND claimed_until < :now)) AND id IN (SELECT id FROM escalation_step "
                            + "WHERE due_at <= :now AND (state = 'PENDING' OR (state = 'CLAIMED' AND claimed_until < :now)) ORDER BY due_at, id LIMIT :limit)")
                    .bind("token", token).bind("until", now.plus(lease).toEpochMilli()).bind("now", now.toEpochMilli()).bind("limit", limit).execute();
            return handle.createQuery("SELECT id, incident_id, policy, level, notifiers, oncall, people FROM escalation_step WHERE claimed_by = :token "
                            + "AND state = 'CLAIMED' ORDER BY due_at, id")
                    .bind("token", token)
                    .map((row, context) -> new Due(row.getLong(1), row.getLong(2), row.getString(3), row.getInt(4), JsonColumns.read(row.getString(5), NAMES),
                            Optional.of(row.getString(6)).filter(name -> !name.isEmpty()), JsonColumns.read(row.getString(7), NAMES)))
                    .list();
        }));
    }
}
