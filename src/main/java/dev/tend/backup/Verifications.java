package dev.tend.backup;

import dev.tend.store.Database;
import java.util.List;

/** The backup_verification table: every verification and restore drill, appended. */
public final class Verifications {
    private final Database database;

    public Verifications(Database database) {
        this.database = database;
    }

    public void save(Verification verification) {
        database.run("the verification", () -> database.jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO backup_verification "
                        + "(backup, backup_id, kind, passed, started_at, duration_ms, details) "
                        + "VALUES (:backup, :backupId, :kind, :passed, :startedAt, :durationMs, :details)")
                .bind("backup", verification.backup())
                .bind("backupId", verification.backupId())
                .bind("kind", verification.kind())
                .bind("passed", verification.passed())
                .bind("startedAt", verification.startedAt().toEpochMilli())
                .bind("durationMs", verification.duration().toMillis())
                .bind("details", VerificationRows.details(verification))
                .execute()));
    }

    /** Verifications and drills of one backup name, newest first. */
    public List<Verification> recent(String backup, int limit) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT backup, backup_id, kind, passed, started_at, duration_ms, details "
                        + "FROM backup_verification WHERE backup = :backup ORDER BY id DESC LIMIT :limit")
                .bind("backup", backup)
                .bind("limit", limit)
                .map((row, context) -> VerificationRows.read(row.getString(1), row.getString(2), row.getString(3), row.getBoolean(4),
                        row.getLong(5), row.getLong(6), row.getString(7)))
                .list());
    }
}
