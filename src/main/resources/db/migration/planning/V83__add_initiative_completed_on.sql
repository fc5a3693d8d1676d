-- The day an initiative was marked done, so a plan review can tell initiatives done on time from those done late.
-- Initiatives already done keep no date (their review counts them as done, neither on time nor late).
ALTER TABLE planning_initiative ADD COLUMN completed_on DATE;
