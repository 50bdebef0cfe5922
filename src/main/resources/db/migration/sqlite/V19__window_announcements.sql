-- Each opening of a maintenance window that the status page announced, recorded once by tend serve
-- when the opening came within the page's announceAhead: the evidence that ticks the
-- pre-maintenance checklist's "update status page with maintenance schedule" item.
CREATE TABLE window_announcement (
    window_name   TEXT   NOT NULL,
    opening_start BIGINT NOT NULL,
    announced_at  BIGINT NOT NULL,
    text          TEXT   NOT NULL,
    PRIMARY KEY (window_name, opening_start)
);
