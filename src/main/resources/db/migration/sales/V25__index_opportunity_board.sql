-- The board reads each column a page at a time (stage, then close date and id as the tie-break) and sums the
-- columns in SQL: one index serves both for the whole company, the other for one salesperson's board.
DROP INDEX ix_sales_opportunity_stage;
CREATE INDEX ix_sales_opportunity_stage ON sales_opportunity (stage_code, expected_close, id);
DROP INDEX ix_sales_opportunity_owner;
CREATE INDEX ix_sales_opportunity_owner_stage ON sales_opportunity (owner_staff_id, stage_code, expected_close, id);
