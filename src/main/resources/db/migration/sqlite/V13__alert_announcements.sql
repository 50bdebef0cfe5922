-- What was announced to the users (maintenance started, a runbook's notify step, the completion
-- notice), when and by whom: the record behind "users were told". Its notifications are in the
-- outbox with incident_id 0, keyed by the announcement's id.
CREATE TABLE announcement (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      BIGINT NOT NULL,
    type    TEXT   NOT NULL,
    title   TEXT   NOT NULL,
    detail  TEXT   NOT NULL,
    actor   TEXT   NOT NULL
);
