-- People who may log in to the web UI: a bcrypt hash and an access role (viewer, operator, admin).
-- The person (name, responsibility roles, contacts) stays in tend.yaml under people:.
CREATE TABLE web_user (
    name         TEXT   PRIMARY KEY,
    role         TEXT   NOT NULL CHECK (role IN ('VIEWER', 'OPERATOR', 'ADMIN')),
    password     TEXT   NOT NULL,
    updated_at   BIGINT NOT NULL
);

-- Logged-in sessions: only the SHA-256 of the cookie is stored; the CSRF token goes with the session.
CREATE TABLE web_session (
    id_hash      TEXT   PRIMARY KEY,
    name         TEXT   NOT NULL,
    csrf         TEXT   NOT NULL,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL
);

-- Failed logins per name, in the store so that every instance behind the proxy counts them together.
CREATE TABLE login_failure (
    name          TEXT   PRIMARY KEY,
    failures      INTEGER NOT NULL,
    first_at      BIGINT NOT NULL,
    locked_until  BIGINT
);
