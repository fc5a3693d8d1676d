-- Orders and opportunities may be tagged with the strategy (planning module) they serve, to measure its contribution.
ALTER TABLE sales_order ADD COLUMN strategy_id BIGINT;
ALTER TABLE sales_opportunity ADD COLUMN strategy_id BIGINT;
CREATE INDEX ix_sales_order_strategy ON sales_order (strategy_id);
CREATE INDEX ix_sales_opportunity_strategy ON sales_opportunity (strategy_id);
