-- The page where a task is done, for tasks another module gives (a retrospective's form, decision 0032).
ALTER TABLE sales_task ADD COLUMN link VARCHAR(500);
