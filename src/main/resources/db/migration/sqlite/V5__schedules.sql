-- Every scheduled run, skip and interruption: the evidence of what ran unattended, when, where.
CREATE TABLE schedule_run (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    schedule     TEXT    NOT NULL,
    action       TEXT    NOT NULL,
    due_at       BIGINT  NOT NULL,
    run_at       BIGINT  NOT NULL,
    started_at   BIGINT  NOT NULL,
    finished_at  BIGINT,
    status       TEXT    NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'SKIPPED', 'MISSED', 'INTERRUPTED')),
    instance     TEXT    NOT NULL,
    detail       TEXT    NOT NULL
);

CREATE INDEX schedule_run_by_schedule ON schedule_run (schedule, id);

-- db-scheduler's own table (its documented layout): one row per scheduled execution, claimed by one instance.
CREATE TABLE scheduled_tasks (
    task_name            TEXT NOT NULL,
    task_instance        TEXT NOT NULL,
    task_data            BLOB,
    execution_time       TIMESTAMP NOT NULL,
    picked               BOOLEAN NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP,
    last_failure         TIMESTAMP,
    consecutive_failures INTEGER,
    last_heartbeat       TIMESTAMP,
    version              INTEGER NOT NULL,
    priority             INTEGER,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
