-- One row per UTC day, target and check: all results; of those taken outside maintenance windows,
-- how many had each status; how many were taken while a window covered the target; durations. Kept for years while raw results may
-- be pruned; rebuilt for a day by deleting and inserting its rows, so rerunning gives the same rows.
CREATE TABLE check_daily (
    day             TEXT    NOT NULL,
    target          TEXT    NOT NULL,
    check_name      TEXT    NOT NULL,
    results         INTEGER NOT NULL,
    ok              INTEGER NOT NULL,
    warn            INTEGER NOT NULL,
    crit            INTEGER NOT NULL,
    unknown         INTEGER NOT NULL,
    in_maintenance  INTEGER NOT NULL,
    duration_min_ms BIGINT  NOT NULL,
    duration_max_ms BIGINT  NOT NULL,
    duration_sum_ms BIGINT  NOT NULL,
    last_status     TEXT    NOT NULL,
    PRIMARY KEY (day, target, check_name)
);
CREATE INDEX check_result_started ON check_result (started_at);
