-- A training support action may name a session of the people module; the enrolment it made is kept with it so that
-- the plan shows its status and withdraws it when the action is removed or the plan cancelled (decision 0039).
-- A plan may now be cancelled (a draft or an active plan, with the reason), besides being closed with its outcome.
ALTER TABLE improvement_support ADD COLUMN session_id BIGINT;
ALTER TABLE improvement_support ADD COLUMN enrolment_id BIGINT;
ALTER TABLE improvement_plan DROP CONSTRAINT ck_improvement_plan_status;
ALTER TABLE improvement_plan ADD CONSTRAINT ck_improvement_plan_status
    CHECK (status IN ('DRAFT', 'ACTIVE', 'CLOSED', 'CANCELLED'));
