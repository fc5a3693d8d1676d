-- Withdrawing a qualification keeps its evidence files (review of issue 16): they move from the holding, which is
-- deleted, to the withdrawal record that replaces it in the person's history.
ALTER TABLE people_file DROP CONSTRAINT ck_people_file_owner;
ALTER TABLE people_file ADD CONSTRAINT ck_people_file_owner CHECK (owner_kind IN ('CANDIDATE', 'HOLDING', 'WITHDRAWAL'));
