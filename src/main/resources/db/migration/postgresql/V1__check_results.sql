-- Every check result ever taken: the evidence behind each status Tend reports.
CREATE TABLE check_result (
    id           BIGSERIAL PRIMARY KEY,
    target       TEXT      NOT NULL,
    check_name   TEXT      NOT NULL,
    status       TEXT      NOT NULL CHECK (status IN ('OK', 'WARN', 'CRIT', 'UNKNOWN')),
    reason       TEXT      NOT NULL,
    measurements TEXT      NOT NULL,
    started_at   BIGINT    NOT NULL,
    duration_ms  BIGINT    NOT NULL
);

CREATE INDEX check_result_by_check ON check_result (target, check_name, id);
