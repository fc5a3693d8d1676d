-- A plan opened from a closed evaluation records the scorecard it came from (an id of the evaluation module, no
-- foreign key across modules), so the plan links back to it (decision 0017).
ALTER TABLE improvement_plan ADD COLUMN source_scorecard_id BIGINT;
CREATE INDEX ix_improvement_plan_source ON improvement_plan (source_scorecard_id);
