-- The frozen accounts list is searched, filtered, sorted, paged and scoped in SQL (decision 0041): each row keeps the
-- account's name, potential class, unit and owner, copied from the customers module's API when the account is frozen
-- and kept current on customers' CustomerOwnerChanged; rows frozen before this migration are filled at start-up.
ALTER TABLE territories_frozen_account ADD COLUMN legal_name VARCHAR(200);
ALTER TABLE territories_frozen_account ADD COLUMN potential_class VARCHAR(1);
ALTER TABLE territories_frozen_account ADD COLUMN unit_id BIGINT;
ALTER TABLE territories_frozen_account ADD COLUMN owner_staff_id BIGINT;
CREATE INDEX ix_territories_frozen_unit ON territories_frozen_account (unit_id);
CREATE INDEX ix_territories_frozen_owner ON territories_frozen_account (owner_staff_id);
