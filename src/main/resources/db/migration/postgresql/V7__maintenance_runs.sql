-- A runbook being carried out: where it stands, and at the end its maintenance log entry and completion notice.
CREATE TABLE maintenance_run (
    id           BIGSERIAL PRIMARY KEY,
    runbook      TEXT    NOT NULL,
    state        TEXT    NOT NULL,
    position     INTEGER NOT NULL,
    started_at   BIGINT  NOT NULL,
    finished_at  BIGINT,
    actor        TEXT    NOT NULL,
    log_entry    TEXT    NOT NULL,
    notice       TEXT    NOT NULL
);

-- Every transition, step and sign-off of a run, with its time and actor: never updated.
CREATE TABLE maintenance_event (
    id      BIGSERIAL PRIMARY KEY,
    run_id  BIGINT NOT NULL,
    at      BIGINT NOT NULL,
    actor   TEXT   NOT NULL,
    kind    TEXT   NOT NULL,
    step    TEXT   NOT NULL,
    detail  TEXT   NOT NULL
);

CREATE INDEX maintenance_event_by_run ON maintenance_event (run_id, id);
