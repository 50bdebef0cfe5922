-- Every maintenance task run (and every refusal and dry run): the evidence of what Tend changed.
CREATE TABLE task_outcome (
    id           BIGSERIAL PRIMARY KEY,
    task         TEXT    NOT NULL,
    target       TEXT    NOT NULL,
    object       TEXT    NOT NULL,
    result       TEXT    NOT NULL CHECK (result IN ('SUCCEEDED', 'FAILED', 'REFUSED', 'PLANNED')),
    reason       TEXT    NOT NULL,
    dry_run      BOOLEAN NOT NULL,
    started_at   BIGINT  NOT NULL,
    duration_ms  BIGINT  NOT NULL,
    steps        TEXT    NOT NULL,
    figures_before TEXT  NOT NULL,
    figures_after  TEXT  NOT NULL
);

CREATE INDEX task_outcome_by_target ON task_outcome (target, id);
