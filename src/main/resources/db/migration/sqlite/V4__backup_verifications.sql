-- Every verification and restore drill of a backup: the evidence that it restores.
CREATE TABLE backup_verification (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    backup       TEXT    NOT NULL,
    backup_id    TEXT    NOT NULL,
    kind         TEXT    NOT NULL CHECK (kind IN ('verify', 'drill')),
    passed       BOOLEAN NOT NULL,
    started_at   BIGINT  NOT NULL,
    duration_ms  BIGINT  NOT NULL,
    details      TEXT    NOT NULL
);

CREATE INDEX backup_verification_by_backup ON backup_verification (backup, id);
