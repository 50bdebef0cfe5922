-- Incidents as the public status page tells them: published by a person (often from an alert
-- incident Tend proposed), with their updates. Separate from alert incidents, which are on-call's.
CREATE TABLE status_incident (
    id              BIGSERIAL PRIMARY KEY,
    name            TEXT   NOT NULL,
    status          TEXT   NOT NULL CHECK (status IN ('investigating', 'identified', 'monitoring', 'resolved', 'postmortem')),
    impact          TEXT   NOT NULL CHECK (impact IN ('none', 'minor', 'major', 'critical')),
    components      TEXT   NOT NULL,
    alert_incident  BIGINT,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL,
    resolved_at     BIGINT
);

CREATE TABLE status_incident_update (
    id           BIGSERIAL PRIMARY KEY,
    incident_id  BIGINT NOT NULL REFERENCES status_incident (id),
    status       TEXT   NOT NULL,
    body         TEXT   NOT NULL,
    at           BIGINT NOT NULL,
    actor        TEXT   NOT NULL
);
CREATE INDEX status_incident_update_incident ON status_incident_update (incident_id);
