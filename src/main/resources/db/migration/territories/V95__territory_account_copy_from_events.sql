-- The account copy (territories_account) is kept from the customers and sales modules' events and rebuilt in full only
-- when it must be (decision 0044), instead of being compared with fingerprints of every account and order on each
-- read: the stamp goes. One row says which sales year the copy's last year's figures cover (window_from inclusive,
-- window_to exclusive; none before the first build) and whether an event that could not name its accounts left it
-- stale. Refreshes, rebuilds and event listeners lock this row, so they never rewrite the copy under each other.
DROP TABLE territories_account_stamp;
CREATE TABLE territories_account_copy (
    id INT PRIMARY KEY,
    window_from DATE,
    window_to DATE,
    stale BOOLEAN NOT NULL,
    rebuilt_at TIMESTAMP WITH TIME ZONE
);
INSERT INTO territories_account_copy (id, window_from, window_to, stale, rebuilt_at) VALUES (1, NULL, NULL, TRUE, NULL);
