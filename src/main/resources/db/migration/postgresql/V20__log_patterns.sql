-- The error templates each log source's analyses have reported, so the next analysis can mark the
-- ones it has never seen as new. Templates are kept as mined (variables masked, up to 1,000 characters).
CREATE TABLE log_pattern (
    source      TEXT   NOT NULL,
    template    TEXT   NOT NULL,
    first_seen  BIGINT NOT NULL,
    last_seen   BIGINT NOT NULL,
    PRIMARY KEY (source, template)
);
