-- The customer import's staging tables (decision 0008, as for orders): the file's rows as read (COPY on PostgreSQL,
-- batched inserts on H2), then what the import decided for each valid row. Checks that span rows (keys repeated in
-- the file, tax ids held by other accounts) and the writes are set-based statements over them. Rows are keyed by the
-- import and live only inside its transaction (deleted at its end, or rolled back with it).
CREATE TABLE customer_import_row (
    import_id BIGINT NOT NULL,
    row_no BIGINT NOT NULL,
    complete BOOLEAN NOT NULL,
    external_id VARCHAR(64),
    legal_name VARCHAR(200),
    tax_id VARCHAR(32),
    tax_key VARCHAR(32),
    segment VARCHAR(24),
    industry VARCHAR(100),
    company_size VARCHAR(16),
    region VARCHAR(100),
    address VARCHAR(300),
    postal_code VARCHAR(16),
    city VARCHAR(100),
    potential_class VARCHAR(1),
    annual_potential NUMERIC(19, 4),
    status VARCHAR(16),
    owner_number VARCHAR(32),
    unit_code VARCHAR(32),
    PRIMARY KEY (import_id, row_no)
);
CREATE INDEX ix_customer_import_row_external ON customer_import_row (import_id, external_id);
CREATE INDEX ix_customer_import_row_tax ON customer_import_row (import_id, tax_key);

-- The rows to write: a new account (customer_id null) or a change of a stored one at the version read, with the
-- owner and unit the import assigns, and, for an account that changes hands, where it was.
CREATE TABLE customer_import_write (
    import_id BIGINT NOT NULL,
    row_no BIGINT NOT NULL,
    customer_id BIGINT,
    version BIGINT,
    owner_staff_id BIGINT,
    unit_id BIGINT NOT NULL,
    moved BOOLEAN NOT NULL,
    PRIMARY KEY (import_id, row_no)
);
