-- An incident opened while a maintenance window covered its target pages only if it is still
-- open when the window ends: until then it is recorded as suppressed, by which window, until when.
ALTER TABLE incident ADD COLUMN suppressed_by TEXT;
ALTER TABLE incident ADD COLUMN suppressed_until BIGINT;
