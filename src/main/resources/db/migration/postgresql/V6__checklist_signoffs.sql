-- A person's sign-off on a checklist item for one period: never updated, never deleted.
CREATE TABLE checklist_signoff (
    id            BIGSERIAL PRIMARY KEY,
    checklist     TEXT   NOT NULL,
    item          TEXT   NOT NULL,
    period_start  BIGINT NOT NULL,
    period_label  TEXT   NOT NULL,
    person        TEXT   NOT NULL,
    role          TEXT   NOT NULL,
    comment       TEXT   NOT NULL,
    signed_at     BIGINT NOT NULL
);

CREATE INDEX checklist_signoff_by_checklist ON checklist_signoff (checklist, id);
