package io.rumbo.evaluation.domain;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.rumbo.evaluation.Scorecards;
import io.rumbo.shared.jobs.ScheduledJob;

/**
 * The nightly record of scorecards whose acknowledgement deadline passed, on the shared job runner: once a night
 * across instances, and caught up after a restart that missed it.
 */
@Configuration(proxyBeanMethods = false)
class EvaluationSchedule {

	@Bean
	ScheduledJob missedAcknowledgements(Scorecards scorecards,
			@Value("${rumbo.evaluation.missed-acknowledgements-cron:0 5 0 * * *}") String cron) {
		return ScheduledJob.of("evaluation/missed-acknowledgements", cron, scorecards::recordMissedAcknowledgements);
	}
}
