-- The application's heaviest statements (pg_stat_statements, cumulative since its last reset) at one
-- moment: the weekly performance report compares snapshots a week apart to say which got slower.
CREATE TABLE pg_statement_snapshot (
    id          BIGSERIAL PRIMARY KEY,
    target      TEXT             NOT NULL,
    taken_at    BIGINT           NOT NULL,
    queryid     TEXT             NOT NULL,
    query       TEXT             NOT NULL,
    calls       BIGINT           NOT NULL,
    total_ms    DOUBLE PRECISION NOT NULL
);

CREATE INDEX pg_statement_snapshot_by_target ON pg_statement_snapshot (target, taken_at);
