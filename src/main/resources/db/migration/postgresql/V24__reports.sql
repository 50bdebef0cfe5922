-- A report Tend wrote (capacity, performance, access, security; an access review): kept as evidence
-- with the figures it showed (data, JSON) and its text (markdown). Signed once, by a person in the
-- responsible role; a signed report is never changed.
CREATE TABLE report (
    id           BIGSERIAL PRIMARY KEY,
    kind         TEXT   NOT NULL,
    name         TEXT   NOT NULL,
    period       TEXT   NOT NULL,
    created_at   BIGINT NOT NULL,
    markdown     TEXT   NOT NULL,
    data         TEXT   NOT NULL,
    signed_by    TEXT,
    signer_role  TEXT,
    comment      TEXT,
    signed_at    BIGINT
);

CREATE INDEX report_by_kind ON report (kind, name, id);
