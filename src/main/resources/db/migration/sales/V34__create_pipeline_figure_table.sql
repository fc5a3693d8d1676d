-- The pipeline board's figures, kept (PipelineFigures): count and amount of the opportunities per owner, owner's
-- unit, stage and close day. Won and lost deals are split by the day they closed (the board shows a quarter of
-- them); the open deals of a stage share one row dated 9999-12-31, so that "closed_on >= the board's first closed
-- day" keeps the open rows and the recent closed ones in one range. Every opportunity write keeps it in its own
-- transaction; the board sums a few hundred rows in the reader's scope instead of every open opportunity.
CREATE TABLE sales_pipeline_figure (
    owner_staff_id BIGINT NOT NULL,
    owner_unit_id BIGINT NOT NULL,
    stage_code VARCHAR(32) NOT NULL,
    closed_on DATE NOT NULL,
    opportunities BIGINT NOT NULL,
    amount NUMERIC(30, 4) NOT NULL,
    PRIMARY KEY (owner_staff_id, closed_on, stage_code, owner_unit_id)
);
-- A manager's board (the units of their subtree) and the whole company's (director), both from the first day shown.
CREATE INDEX ix_sales_pipeline_figure_unit ON sales_pipeline_figure (owner_unit_id, closed_on);
CREATE INDEX ix_sales_pipeline_figure_closed ON sales_pipeline_figure (closed_on);

INSERT INTO sales_pipeline_figure (owner_staff_id, owner_unit_id, stage_code, closed_on, opportunities, amount)
SELECT o.owner_staff_id, o.owner_unit_id, o.stage_code,
  CASE WHEN s.outcome = 'OPEN' THEN DATE '9999-12-31' ELSE o.expected_close END AS closed_on,
  COUNT(*) AS opportunities, SUM(o.amount) AS amount
FROM sales_opportunity o JOIN sales_stage s ON s.code = o.stage_code
GROUP BY o.owner_staff_id, o.owner_unit_id, o.stage_code,
  CASE WHEN s.outcome = 'OPEN' THEN DATE '9999-12-31' ELSE o.expected_close END;

-- A manager's board reads each column a page at a time among the units of their subtree: for a small subtree, walking
-- the stage index of the whole company (V25) until twenty of its cards turn up read thousands of rows; this one
-- serves a unit's column directly. It also serves everything the unit index did (its first column).
DROP INDEX ix_sales_opportunity_unit;
CREATE INDEX ix_sales_opportunity_unit_stage ON sales_opportunity (owner_unit_id, stage_code, expected_close, id);
