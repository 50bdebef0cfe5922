-- Maintenance runs at work: while one holds a target (or every target: '*'), a new problem of
-- that target is recorded but not paged. A run releases its hold when it finishes; a run that
-- died keeps it only until its bound, so a hold can never silence a target for good.
CREATE TABLE alert_hold (
    held_by    TEXT   PRIMARY KEY,
    subjects   TEXT   NOT NULL,
    since      BIGINT NOT NULL,
    held_until BIGINT NOT NULL
);

-- A target whose dependency is down joins that dependency's open incident: found by subject.
CREATE INDEX alert_subject ON alert (subject);
