-- What an agent or distributor unit earns and covers (decision 0038): the share of the revenue or margin credited to
-- its seller record, the product lines and territories it covers, and a contact. One row per unit, kept when the
-- terms change (the audit trail has the history).
CREATE TABLE sizing_channel_terms (
    unit_id BIGINT PRIMARY KEY,
    basis VARCHAR(8) NOT NULL,
    share_percent NUMERIC(7, 4) NOT NULL,
    seller_staff_id BIGINT,
    product_line_ids VARCHAR(1000) NOT NULL,
    territories VARCHAR(500),
    contact_name VARCHAR(200),
    contact_email VARCHAR(200),
    contact_phone VARCHAR(40),
    valid_from DATE NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT ck_sizing_channel_terms_basis CHECK (basis IN ('REVENUE', 'MARGIN')),
    CONSTRAINT ck_sizing_channel_terms_share CHECK (share_percent >= 0 AND share_percent <= 100)
);
CREATE INDEX ix_sizing_channel_terms_seller ON sizing_channel_terms (seller_staff_id);
