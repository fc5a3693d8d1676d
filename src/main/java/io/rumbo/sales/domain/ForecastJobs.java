package io.rumbo.sales.domain;

import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.rumbo.sales.ForecastCalls;
import io.rumbo.shared.jobs.ScheduledJob;

/**
 * The forecast's weekly rhythm, as a job of the shared runner (once across instances, a run missed while the
 * application was down caught up at the next start): just after midnight on Monday (the company's local day, the
 * injected clock's zone), the week that ended on Sunday is frozen and the accuracy of the periods that ended is
 * recorded. The day comes from the due time the runner passes, not from "now", so a catch-up on Tuesday still
 * freezes the week that ended on Sunday. Both facade methods are idempotent: a second run does nothing.
 */
@Configuration(proxyBeanMethods = false)
class ForecastJobs {

	private static final Logger log = LoggerFactory.getLogger(ForecastJobs.class);

	private final ForecastCalls calls;

	ForecastJobs(ForecastCalls calls) {
		this.calls = calls;
	}

	@Bean
	ScheduledJob forecastWeekly(@Value("${rumbo.forecast.snapshot-cron:0 5 0 * * MON}") String cron) {
		return new ScheduledJob("sales/forecast-weekly", cron, this::weekly);
	}

	void weekly(ZonedDateTime due) {
		LocalDate today = due.toLocalDate();
		// The cut-off is the day that just ended: the snapshot holds the state at the end of Sunday.
		log.info("Forecast snapshot of {}: {}", today.minusDays(1),
				calls.takeWeeklySnapshot(today.minusDays(1)).isPresent() ? "taken" : "already taken");
		log.info("Forecast accuracy recorded: {}", calls.recordAccuracy(today));
	}
}
