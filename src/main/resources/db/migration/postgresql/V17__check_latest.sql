-- The latest result of each (target, check), kept as results are saved: the overview, the status
-- page and /metrics read this instead of grouping every result ever taken (26 million rows after
-- 90 days of 1,000 checks every five minutes).
CREATE TABLE check_latest (
    target      TEXT   NOT NULL,
    check_name  TEXT   NOT NULL,
    result_id   BIGINT NOT NULL,
    PRIMARY KEY (target, check_name)
);

INSERT INTO check_latest (target, check_name, result_id)
SELECT target, check_name, max(id) FROM check_result GROUP BY target, check_name;
