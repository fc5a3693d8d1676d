-- Order totals, lists and plan-versus-actual read the orders of a reader's scope (credited people or units) within
-- a period. These indexes let the database start from the credits of those people or units and reach each order by
-- its key, so the cost follows the rows in scope instead of the whole table (docs/benchmarks.md, OrderTotalsBenchmark).
-- Each (person or unit, order) pair answers the scope alone, without reading the credit rows.
CREATE INDEX ix_sales_order_credit_staff_order ON sales_order_credit (staff_id, order_id);
CREATE INDEX ix_sales_order_credit_unit_order ON sales_order_credit (unit_id, order_id);
DROP INDEX ix_sales_order_credit_staff;
DROP INDEX ix_sales_order_credit_unit;

-- The company's totals of a period are read from this index alone (date range first; the summed columns carried),
-- not from the table.
CREATE INDEX ix_sales_order_date_totals ON sales_order (order_date, status, net_amount, margin_amount, units);
DROP INDEX ix_sales_order_date;
