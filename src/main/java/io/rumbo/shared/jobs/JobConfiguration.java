package io.rumbo.shared.jobs;

import java.lang.management.ManagementFactory;
import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The application's one {@link JobRunner}, over every {@link ScheduledJob} bean, ticked once a minute and at start
 * (so a run missed while the application was down catches up). {@code rumbo.jobs.enabled=false} turns it off on an
 * instance (the others still run every job).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "rumbo.jobs.enabled", havingValue = "true", matchIfMissing = true)
class JobConfiguration {

	@Bean
	JobRunner jobRunner(JdbcClient jdbc, Clock clock, ObjectProvider<ScheduledJob> jobs) {
		return new JobRunner(jdbc, clock, jobs.orderedStream().toList(), ManagementFactory.getRuntimeMXBean().getName());
	}

	@Bean
	JobTicker jobTicker(JobRunner runner) {
		return new JobTicker(runner);
	}

	static class JobTicker {

		private final JobRunner runner;

		JobTicker(JobRunner runner) {
			this.runner = runner;
		}

		@Scheduled(initialDelayString = "${rumbo.jobs.initial-delay:PT20S}", fixedDelayString = "${rumbo.jobs.tick:PT1M}")
		void tick() {
			runner.tick();
		}
	}
}
