-- API tokens: stored as the SHA-256 of the token (the token itself is shown once, at creation).
-- A revoked token keeps its row, so the audit log can still name it.
CREATE TABLE api_token (
    id           BIGSERIAL PRIMARY KEY,
    name         TEXT   NOT NULL UNIQUE,
    role         TEXT   NOT NULL CHECK (role IN ('VIEWER', 'OPERATOR', 'ADMIN')),
    token_hash   TEXT   NOT NULL UNIQUE,
    created_at   BIGINT NOT NULL,
    created_by   TEXT   NOT NULL,
    last_used_at BIGINT,
    revoked_at   BIGINT
);

-- Every change made through the CLI or HTTP: who, what, when, from where.
CREATE TABLE audit_entry (
    id      BIGSERIAL PRIMARY KEY,
    at      BIGINT NOT NULL,
    actor   TEXT   NOT NULL,
    action  TEXT   NOT NULL,
    detail  TEXT   NOT NULL,
    source  TEXT   NOT NULL
);
CREATE INDEX audit_entry_at ON audit_entry (at);
