-- The products an opportunity is about; when there are any, the opportunity's amount is their sum and a won
-- opportunity books them as its order.
CREATE TABLE sales_opportunity_product (
    opportunity_id BIGINT NOT NULL REFERENCES sales_opportunity (id),
    line_no INT NOT NULL,
    product_id BIGINT NOT NULL,
    quantity NUMERIC(19, 4) NOT NULL,
    unit_price NUMERIC(19, 4) NOT NULL,
    discount_percent NUMERIC(7, 4) NOT NULL,
    net_amount NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (opportunity_id, line_no)
);
