-- The metrics module's own facts: additive base sums that every measure of the catalogue is computed from. They are
-- derived from the sales and customers records (fed by their events, rebuilt on request) and never edited by hand.
-- Amounts keep 10 decimals because credit shares are applied exactly (amount x share %), so the people of a unit add
-- up to the unit and the lines of an order to the order; figures are rounded only when shown.
--
-- One row per person (0: nobody, e.g. a team task or an unowned case) x unit they were in on the record's date x
-- month (first day of the fiscal month) x product line (0 where the measure is not by line) x base measure.
CREATE TABLE metrics_fact (
    staff_id BIGINT NOT NULL,
    unit_id BIGINT NOT NULL,
    month_start DATE NOT NULL,
    line_id BIGINT NOT NULL,
    measure VARCHAR(24) NOT NULL,
    amount NUMERIC(30, 10) NOT NULL,
    PRIMARY KEY (staff_id, month_start, measure, unit_id, line_id)
);
CREATE INDEX ix_metrics_fact_unit ON metrics_fact (unit_id, month_start);
CREATE INDEX ix_metrics_fact_month ON metrics_fact (month_start, measure);

-- Who bought from whom: one row per credited person x unit x month x customer with a booked order (not a return),
-- for the distinct counts (active, new, repeat customers, retention).
CREATE TABLE metrics_customer_month (
    staff_id BIGINT NOT NULL,
    unit_id BIGINT NOT NULL,
    month_start DATE NOT NULL,
    customer_id BIGINT NOT NULL,
    PRIMARY KEY (staff_id, month_start, unit_id, customer_id)
);
CREATE INDEX ix_metrics_customer_month_unit ON metrics_customer_month (unit_id, month_start);
CREATE INDEX ix_metrics_customer_month_customer ON metrics_customer_month (customer_id, month_start);

-- The month of each customer's first booked order: a customer is new in that month.
CREATE TABLE metrics_customer_first (
    customer_id BIGINT PRIMARY KEY,
    month_start DATE NOT NULL
);
CREATE INDEX ix_metrics_customer_first_month ON metrics_customer_first (month_start);

-- The open pipeline now, one row per open opportunity: amount x stage probability, in its expected close month.
CREATE TABLE metrics_open_pipeline (
    opportunity_id BIGINT PRIMARY KEY,
    staff_id BIGINT NOT NULL,
    unit_id BIGINT NOT NULL,
    month_start DATE NOT NULL,
    amount NUMERIC(30, 10) NOT NULL
);
CREATE INDEX ix_metrics_open_pipeline_staff ON metrics_open_pipeline (staff_id, month_start);
CREATE INDEX ix_metrics_open_pipeline_unit ON metrics_open_pipeline (unit_id, month_start);

-- One row: every change to the facts locks it first, so that an event's recompute and a rebuild never interleave
-- (each deletes and re-inserts the cells it owns). It also remembers the last rebuild.
CREATE TABLE metrics_state (
    id INT PRIMARY KEY,
    rebuilt_at TIMESTAMP,
    rebuilt_by VARCHAR(64),
    rebuild_millis BIGINT,
    rebuild_rows BIGINT
);
INSERT INTO metrics_state (id) VALUES (1);
