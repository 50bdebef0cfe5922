package dev.tend.access;

import dev.tend.store.Database;
import java.time.Instant;
import java.util.List;

/** The audit_entry table: every change made through the CLI or HTTP, who made it, when, from where. */
public final class AuditLog {
    private static final int MAX_DETAIL = 2000;
    private final Database database;

    public AuditLog(Database database) {
        this.database = database;
    }

    /**
     * One change.
     *
     * @param source where it came from: {@code cli} (with the OS user), or {@code http ADDRESS}
     */
    public record Entry(Instant at, String actor, String action, String detail, String source) {}

    public void record(Entry entry) {
        var detail = entry.detail().length() > MAX_DETAIL ? entry.detail().substring(0, MAX_DETAIL) + "…" : entry.detail();
        database.run("the audit entry", () -> database.jdbi().useHandle(handle -> handle.createUpdate(
                        "INSERT INTO audit_entry (at, actor, action, detail, source) VALUES (:at, :actor, :action, :detail, :source)")
                .bind("at", entry.at().toEpochMilli()).bind("actor", entry.actor()).bind("action", entry.action()).bind("detail", detail)
                .bind("source", entry.source()).execute()));
    }

    /** The newest entries first. */
    public List<Entry> recent(int limit) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT at, actor, action, detail, source FROM audit_entry ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit)
                .map((row, context) -> new Entry(Instant.ofEpochMilli(row.getLong("at")), row.getString("actor"), row.getString("action"),
                        row.getString("detail"), row.getString("source")))
                .list());
    }
}
