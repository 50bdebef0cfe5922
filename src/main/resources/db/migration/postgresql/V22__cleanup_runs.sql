-- Each tend cleanup that removed or compressed something: the rule, when, what (one line per entry:
-- path, bytes, last written) and that list's SHA-256, kept as evidence of what went.
CREATE TABLE cleanup_run (
    rule        TEXT   NOT NULL,
    at          BIGINT NOT NULL,
    action      TEXT   NOT NULL,
    entries     BIGINT NOT NULL,
    bytes       BIGINT NOT NULL,
    failures    BIGINT NOT NULL,
    list_sha256 TEXT   NOT NULL,
    list        TEXT   NOT NULL,
    PRIMARY KEY (rule, at)
);
