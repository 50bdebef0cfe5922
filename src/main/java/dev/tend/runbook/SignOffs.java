package dev.tend.runbook;

import dev.tend.store.Database;
import java.time.Instant;
import java.util.List;

/** The checklist_signoff table: who signed which item for which period, appended. */
public final class SignOffs {
    private final Database database;

    public SignOffs(Database database) {
        this.database = database;
    }

    public void save(SignOff signOff) {
        database.run("the sign-off", () -> database.jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO checklist_signoff "
                        + "(checklist, item, period_start, period_label, person, role, comment, signed_at) "
                        + "VALUES (:checklist, :item, :start, :label, :person, :role, :comment, :signed)")
                .bind("checklist", signOff.checklist()).bind("item", signOff.item()).bind("start", signOff.periodStart().toEpochMilli())
                .bind("label", signOff.period()).bind("person", signOff.person()).bind("role", signOff.role())
                .bind("comment", signOff.comment()).bind("signed", signOff.signedAt().toEpochMilli())
                .execute()));
    }

    /** Sign-offs of one checklist, newest first. */
    public List<SignOff> recent(String checklist, int limit) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT checklist, item, period_start, period_label, person, role, comment, signed_at "
                        + "FROM checklist_signoff WHERE checklist = :checklist ORDER BY id DESC LIMIT :limit")
                .bind("checklist", checklist).bind("limit", limit)
                .map((row, context) -> new SignOff(row.getString(1), row.getString(2), Instant.ofEpochMilli(row.getLong(3)), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7), Instant.ofEpochMilli(row.getLong(8))))
                .list());
    }
}
