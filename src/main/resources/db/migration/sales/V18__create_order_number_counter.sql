-- The running number of order numbers (PED-<year>-<number>), separate from the id. A counter row rather than a
-- sequence: it is taken inside the booking's transaction, so a rolled-back booking or a dry-run import gives its
-- numbers back and leaves no gap. It starts after the highest id, which the earlier numbers were made from.
CREATE TABLE sales_order_number (
    id INT PRIMARY KEY,
    last_value BIGINT NOT NULL
);
INSERT INTO sales_order_number (id, last_value) SELECT 1, COALESCE(MAX(id), 0) FROM sales_order;
