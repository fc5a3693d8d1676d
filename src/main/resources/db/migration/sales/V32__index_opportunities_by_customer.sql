-- The customer page counts and lists the account's open opportunities (nearest close first), and the opportunity
-- list filters by account: without this index both walked every opportunity of the company, so a customer's page
-- cost what the whole pipeline costs instead of what the account's own deals cost.
CREATE INDEX ix_sales_opportunity_customer ON sales_opportunity (customer_id, expected_close);
