-- What the salesperson will do next to move the deal on, edited on the opportunity's page (a phone in hand after a
-- visit): a short free text, like the activity's next step.
ALTER TABLE sales_opportunity ADD COLUMN next_step VARCHAR(300);
