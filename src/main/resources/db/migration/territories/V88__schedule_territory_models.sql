-- A draft scheduled to activate by itself on a later date (decision 0041): the date, who scheduled it and when. The
-- model's status is SCHEDULED meanwhile; the job territories/scheduled-activation activates it on that date.
ALTER TABLE territories_model ADD COLUMN scheduled_for DATE;
ALTER TABLE territories_model ADD COLUMN scheduled_by VARCHAR(100);
ALTER TABLE territories_model ADD COLUMN scheduled_at TIMESTAMP WITH TIME ZONE;
-- 1 while the model is scheduled, NULL otherwise: the unique key lets only one model be scheduled at a time, even when
-- two directors schedule at once (NULLs do not collide, on H2 as on PostgreSQL).
ALTER TABLE territories_model ADD COLUMN scheduled_slot SMALLINT;
ALTER TABLE territories_model ADD CONSTRAINT uk_territories_model_scheduled UNIQUE (scheduled_slot);
CREATE INDEX ix_territories_model_scheduled_for ON territories_model (scheduled_for);
