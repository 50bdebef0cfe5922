-- One row per UTC day, target, check and measurement (disk used, database size, memory...): how many
-- samples, their least, greatest and sum (the mean is sum / samples) and the day's last value. Kept
-- with check_daily when raw results are pruned: the series that trends and forecasts read.
CREATE TABLE check_daily_measure (
    day          TEXT             NOT NULL,
    target       TEXT             NOT NULL,
    check_name   TEXT             NOT NULL,
    measurement  TEXT             NOT NULL,
    unit         TEXT             NOT NULL,
    samples      INTEGER          NOT NULL,
    min_value    DOUBLE PRECISION NOT NULL,
    max_value    DOUBLE PRECISION NOT NULL,
    sum_value    DOUBLE PRECISION NOT NULL,
    last_value   DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (day, target, check_name, measurement)
);
