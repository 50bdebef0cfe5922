-- A target's series over a span of days (what a forecast reads), without walking every target's
-- rows of those days: the primary key leads with the day.
CREATE INDEX check_daily_measure_by_target ON check_daily_measure (target, day);
