package io.rumbo.shared.jobs;

import java.time.ZonedDateTime;
import java.util.function.Consumer;

import org.springframework.scheduling.support.CronExpression;

/**
 * A job the {@link JobRunner} runs at the times of its cron, once per due time across every instance sharing the
 * database. A module declares one as a bean; {@code work} receives the due time it runs for (a run that catches up
 * after a restart gets the latest due time missed, once, not one run per missed time).
 *
 * @param name unique among jobs, the key of its row in {@code shared_scheduled_job}
 * @param cron Spring's six-field cron ({@code 0 30 1 * * *}), read in the clock's time zone
 */
public record ScheduledJob(String name, String cron, Consumer<ZonedDateTime> work) {

	public ScheduledJob {
		if (name.isBlank() || name.length() > 100) {
			throw new IllegalArgumentException("a job needs a name of at most 100 characters");
		}
		CronExpression.parse(cron);
	}

	/** A job that does not need to know its due time. */
	public static ScheduledJob of(String name, String cron, Runnable work) {
		return new ScheduledJob(name, cron, due -> work.run());
	}

	CronExpression expression() {
		return CronExpression.parse(cron);
	}
}
