-- The incentive plan that pays a channel its share by its terms (decision 0042): the latest version sizing wrote
-- through incentives' plan API, so that a change of the terms revises that plan rather than starting another.
ALTER TABLE sizing_channel_terms ADD COLUMN plan_id BIGINT;

-- The selling job roles a scenario sizes and compares with their headcount and planned positions, and the role its
-- gap is planned in (decision 0042). Scenarios saved before sized salespeople only, so they keep that meaning; a new
-- scenario's default is salespeople and key account managers (the application writes both columns on every save).
ALTER TABLE sizing_scenario ADD COLUMN job_roles VARCHAR(200) DEFAULT 'SALESPERSON' NOT NULL;
ALTER TABLE sizing_scenario ALTER COLUMN job_roles SET DEFAULT 'SALESPERSON,KEY_ACCOUNT_MANAGER';
ALTER TABLE sizing_scenario ADD COLUMN position_role VARCHAR(40) DEFAULT 'SALESPERSON' NOT NULL;
