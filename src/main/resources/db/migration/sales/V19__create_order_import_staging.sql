-- The order import's staging tables: the file's lines are loaded here (COPY on PostgreSQL, batched inserts on H2),
-- checked and compared with set-based statements, and written to the order tables with INSERT ... SELECT. Rows are
-- keyed by the import; they live only inside the import's transaction (deleted at its end, or rolled back with it).
CREATE TABLE sales_order_import_line (
    import_id BIGINT NOT NULL,
    row_no BIGINT NOT NULL,
    external_number VARCHAR(64),
    order_date DATE,
    customer_id BIGINT,
    customer_owner BIGINT,
    credits VARCHAR(500),
    notes VARCHAR(1000),
    sku VARCHAR(40),
    product_id BIGINT,
    product_active BOOLEAN,
    quantity NUMERIC(19, 4),
    unit_price NUMERIC(19, 4),
    discount_percent NUMERIC(7, 4),
    unit_cost NUMERIC(19, 4),
    cost_given BOOLEAN NOT NULL,
    net_amount NUMERIC(19, 4),
    cost_amount NUMERIC(19, 4),
    margin_amount NUMERIC(19, 4),
    PRIMARY KEY (import_id, row_no)
);
CREATE INDEX ix_sales_order_import_line_order ON sales_order_import_line (import_id, external_number, row_no);

-- One row per order of the file (its header from its first line, its totals from its lines) with the stored order
-- of the same external number, and what the import does with it: NEW, CHANGED or UNCHANGED.
CREATE TABLE sales_order_import_order (
    import_id BIGINT NOT NULL,
    external_number VARCHAR(64) NOT NULL,
    first_row BIGINT NOT NULL,
    order_date DATE NOT NULL,
    customer_id BIGINT NOT NULL,
    customer_owner BIGINT,
    credits VARCHAR(500),
    notes VARCHAR(1000),
    line_count INT NOT NULL,
    net_amount NUMERIC(19, 4) NOT NULL,
    cost_amount NUMERIC(19, 4) NOT NULL,
    margin_amount NUMERIC(19, 4) NOT NULL,
    units NUMERIC(19, 4) NOT NULL,
    order_id BIGINT,
    order_version BIGINT,
    order_status VARCHAR(16),
    stored_customer_id BIGINT,
    stored_date DATE,
    stored_notes VARCHAR(1000),
    stored_lines INT,
    stored_credits INT,
    outcome VARCHAR(16),
    PRIMARY KEY (import_id, external_number)
);
CREATE INDEX ix_sales_order_import_order_date ON sales_order_import_order (import_id, order_date, first_row);

-- The credits of each order of the file as the credit rule split them.
CREATE TABLE sales_order_import_credit (
    import_id BIGINT NOT NULL,
    external_number VARCHAR(64) NOT NULL,
    staff_id BIGINT NOT NULL,
    unit_id BIGINT NOT NULL,
    share_percent NUMERIC(7, 4) NOT NULL,
    PRIMARY KEY (import_id, external_number, staff_id)
);

-- The stored orders of the file that the comparison found different (found by one pass over the lines).
CREATE TABLE sales_order_import_changed (
    import_id BIGINT NOT NULL,
    external_number VARCHAR(64) NOT NULL,
    PRIMARY KEY (import_id, external_number)
);
