-- Scheduled jobs (io.rumbo.shared.jobs, decision 0026): one row per job. A run for a due time is claimed by moving
-- last_due forward in one UPDATE (WHERE last_due < :due), so however many instances share the database exactly one
-- runs it; a due time missed while no instance ran is found at the next start and run once.
CREATE TABLE shared_scheduled_job (
    name VARCHAR(100) NOT NULL PRIMARY KEY,
    last_due TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE,
    finished_at TIMESTAMP WITH TIME ZONE,
    run_by VARCHAR(100),
    last_error VARCHAR(1000)
);
