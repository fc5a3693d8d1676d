-- The list's capped count (up to 10,001 accounts that are not archived) reads this narrow index instead of the
-- table's rows: an index-only scan on PostgreSQL, a few pages of entries where the rows take hundreds.
CREATE INDEX ix_customer_account_archived_id ON customer_account (archived, id);
