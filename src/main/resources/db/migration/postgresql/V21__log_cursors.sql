-- Where the last check of a log source stopped reading each of its files, by inode: a renamed
-- (rotated) file is found again under its new name and read on from there; a file shorter than its
-- offset was truncated (copytruncate) and is read from its start.
CREATE TABLE log_cursor (
    source      TEXT   NOT NULL,
    inode       TEXT   NOT NULL,
    path        TEXT   NOT NULL,
    byte_offset BIGINT NOT NULL,
    read_at     BIGINT NOT NULL,
    PRIMARY KEY (source, inode)
);
