-- What the account copy (territories_account) was taken from: the sales year and fingerprints of the live accounts
-- and of that year's booked orders. An evaluation copies the accounts again only when this differs (decision 0037),
-- so previews and balances of an unchanged company read the copy and write nothing.
CREATE TABLE territories_account_stamp (
    id INT PRIMARY KEY,
    stamp VARCHAR(400) NOT NULL
);
