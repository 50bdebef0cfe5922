-- One row per alert identity (its fingerprint, e.g. check:db/ping): its state now, the streaks that
-- move it, and the incident it belongs to. Updated as results arrive; its history is alert_event.
CREATE TABLE alert (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    fingerprint  TEXT    NOT NULL UNIQUE,
    source       TEXT    NOT NULL,
    subject      TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    state        TEXT    NOT NULL,
    severity     TEXT    NOT NULL,
    bad_streak   INTEGER NOT NULL,
    good_streak  INTEGER NOT NULL,
    reason       TEXT    NOT NULL,
    since        BIGINT  NOT NULL,
    updated_at   BIGINT  NOT NULL,
    incident_id  BIGINT,
    changes      TEXT    NOT NULL
);

-- Every transition of an alert (fired, resolved, flapping, settled), never updated.
CREATE TABLE alert_event (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    alert_id     BIGINT NOT NULL,
    at           BIGINT NOT NULL,
    kind         TEXT   NOT NULL,
    detail       TEXT   NOT NULL
);

CREATE INDEX alert_event_by_alert ON alert_event (alert_id, id);

-- Alerts with a common cause, handled together: triggered, acknowledged (perhaps until a time), resolved.
CREATE TABLE incident (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    title            TEXT   NOT NULL,
    severity         TEXT   NOT NULL,
    state            TEXT   NOT NULL,
    opened_at        BIGINT NOT NULL,
    acknowledged_by  TEXT,
    acknowledged_at  BIGINT,
    ack_until        BIGINT,
    resolved_at      BIGINT
);

-- The incident's timeline: opened, alerts joined and resolved, acknowledged, notes, resolved. Never updated.
CREATE TABLE incident_event (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id  BIGINT NOT NULL,
    at           BIGINT NOT NULL,
    actor        TEXT   NOT NULL,
    kind         TEXT   NOT NULL,
    detail       TEXT   NOT NULL
);

CREATE INDEX incident_event_by_incident ON incident_event (incident_id, id);
