-- The order import's credit split for the orders whose credits column is blank (the account's owner in full): the
-- credit rule is decided once per owner and order date (the unit the owner was in on that date, or the problem that
-- keeps the owner from being credited), and the orders' credits are staged from here by one INSERT ... SELECT.
-- Like the other staging tables, its rows live only inside the import's transaction.
CREATE TABLE sales_order_import_owner (
    import_id BIGINT NOT NULL,
    staff_id BIGINT NOT NULL,
    order_date DATE NOT NULL,
    unit_id BIGINT,
    share_percent NUMERIC(7, 4),
    problem VARCHAR(64)
);
CREATE INDEX ix_sales_order_import_owner ON sales_order_import_owner (import_id, staff_id, order_date);
