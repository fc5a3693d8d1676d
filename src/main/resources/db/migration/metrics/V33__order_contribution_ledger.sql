-- What each order currently contributes to the order facts (decision 0009, amendment "the order ledger"): one row per
-- order x credited person x unit x month x product line with its share of net, units and margin, plus one row on
-- line 0 with the order count (1 per credit of a booked order that is not a return) and the customer. The order
-- facts are always the sums of these rows; an order event applies (contribution now - contribution stored) to the
-- facts and stores the new contribution, so delivering the same state twice changes nothing.
CREATE TABLE metrics_order_contribution (
    order_id BIGINT NOT NULL,
    staff_id BIGINT NOT NULL,
    unit_id BIGINT NOT NULL,
    month_start DATE NOT NULL,
    line_id BIGINT NOT NULL,
    customer_id BIGINT NOT NULL,
    revenue NUMERIC(30, 10) NOT NULL,
    units NUMERIC(30, 10) NOT NULL,
    margin NUMERIC(30, 10) NOT NULL,
    orders INT NOT NULL,
    PRIMARY KEY (order_id, staff_id, unit_id, month_start, line_id)
);

-- Who bought from whom now counts the orders behind each row (orders x credits), so that an order's delta can add
-- and take away a customer month exactly; a row exists while its count is positive.
ALTER TABLE metrics_customer_month ADD COLUMN orders INT DEFAULT 0 NOT NULL;

-- The ledger is empty and the customer months have no counts: the facts must be rebuilt once, which
-- metrics.domain.FirstBuild does at the next start for facts that were never built.
UPDATE metrics_state SET rebuilt_at = NULL WHERE id = 1;
