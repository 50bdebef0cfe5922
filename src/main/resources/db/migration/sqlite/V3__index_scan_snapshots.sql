-- idx_scan of every index whenever a report sees it change (and when first seen): statistics since
-- the last reset cannot say how long an index has gone unused, these change points can.
CREATE TABLE index_scan_snapshot (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    target     TEXT    NOT NULL,
    index_name TEXT    NOT NULL,
    idx_scan   BIGINT  NOT NULL,
    taken_at   BIGINT  NOT NULL
);

CREATE INDEX index_scan_snapshot_by_index ON index_scan_snapshot (target, index_name, taken_at);
