package io.rumbo.territories;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.rumbo.shared.jobs.ScheduledJob;

/**
 * The job {@code territories/scheduled-activation}: every hour (five past) it activates the scheduled models whose
 * date has come (see {@link ScheduledActivations#activateDue}). The shared runner's first tick after a start catches up
 * a due time missed while no instance ran, so a date that passed during a stop activates within a minute of the start,
 * still from its scheduled date.
 */
@Configuration(proxyBeanMethods = false)
class ScheduledActivationJob {

	@Bean
	ScheduledJob territoriesScheduledActivation(ScheduledActivations activations, Clock clock,
			@Value("${rumbo.territories.activation-cron:0 5 * * * *}") String cron) {
		return new ScheduledJob("territories/scheduled-activation", cron,
				due -> activations.activateDue(due.withZoneSameInstant(clock.getZone()).toLocalDate()));
	}
}
