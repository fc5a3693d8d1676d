package io.rumbo.sales.domain;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import io.rumbo.sales.ForecastCalls;

/**
 * The forecast's weekly rhythm: just after midnight on Monday (the company's local day, the injected clock's zone),
 * the week that ended on Sunday is frozen and the accuracy of the periods that ended is recorded. Both facade methods
 * are idempotent, so a second instance or a second run does nothing; the shared job lock wraps this trigger at merge.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ForecastJobs {

	private static final Logger log = LoggerFactory.getLogger(ForecastJobs.class);

	private final ForecastCalls calls;
	private final Clock clock;

	ForecastJobs(ForecastCalls calls, Clock clock) {
		this.calls = calls;
		this.clock = clock;
	}

	@Scheduled(cron = "${rumbo.forecast.snapshot-cron:0 5 0 * * MON}")
	void weekly() {
		LocalDate today = LocalDate.now(clock);
		// The cut-off is the day that just ended: the snapshot holds the state at the end of Sunday.
		log.info("Forecast snapshot of {}: {}", today.minusDays(1),
				calls.takeWeeklySnapshot(today.minusDays(1)).isPresent() ? "taken" : "already taken");
		log.info("Forecast accuracy recorded: {}", calls.recordAccuracy(today));
	}
}
