-- The outbox: every notification is written here, in the transaction that decided it, before any
-- delivery is tried; whichever instance claims it delivers it, retrying with backoff, and a
-- notification that cannot be delivered ends as DEAD (a dead letter) instead of disappearing.
CREATE TABLE notification (
    id               BIGSERIAL PRIMARY KEY,
    incident_id      BIGINT NOT NULL,
    event            TEXT   NOT NULL,
    notifier         TEXT   NOT NULL,
    idempotency_key  TEXT   NOT NULL,
    payload          TEXT   NOT NULL,
    state            TEXT   NOT NULL,
    attempts         INTEGER NOT NULL,
    next_attempt_at  BIGINT NOT NULL,
    claimed_by       TEXT,
    claimed_until    BIGINT,
    last_error       TEXT   NOT NULL,
    created_at       BIGINT NOT NULL,
    delivered_at     BIGINT,
    UNIQUE (idempotency_key, notifier)
);

CREATE INDEX notification_due ON notification (state, next_attempt_at);
