-- The incentive plan that pays a channel its share by its terms (decision 0042): the latest version sizing wrote
-- through incentives' plan API, so that a change of the terms revises that plan rather than starting another.
ALTER TABLE sizing_channel_terms ADD COLUMN plan_id BIGINT;
