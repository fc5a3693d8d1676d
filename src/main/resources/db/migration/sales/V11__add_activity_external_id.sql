-- Imported visits carry the id they have in the system they come from, so a second import updates them.
ALTER TABLE sales_activity ADD COLUMN external_id VARCHAR(64);
CREATE UNIQUE INDEX uk_sales_activity_external ON sales_activity (external_id);
