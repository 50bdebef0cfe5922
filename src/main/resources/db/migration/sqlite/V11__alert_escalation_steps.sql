-- An incident's escalation as rows, so a restart, a crash or a second instance neither loses nor
-- doubles a step: each level of its policy, due at a time; SENT once its notifications are in the
-- outbox, CANCELLED when the incident was acknowledged or resolved first.
CREATE TABLE escalation_step (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id  BIGINT  NOT NULL,
    policy       TEXT    NOT NULL,
    level        INTEGER NOT NULL,
    due_at       BIGINT  NOT NULL,
    state        TEXT    NOT NULL,
    notifiers    TEXT    NOT NULL,
    oncall       TEXT    NOT NULL,
    people       TEXT    NOT NULL,
    claimed_by   TEXT,
    claimed_until BIGINT
);

CREATE INDEX escalation_step_due ON escalation_step (state, due_at);
CREATE INDEX escalation_step_by_incident ON escalation_step (incident_id);
