package io.rumbo.sizing;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.rumbo.planning.FiscalCalendar;
import io.rumbo.shared.jobs.ScheduledJob;

/**
 * The job {@code sizing/channel-plans-year} (decision 0042): every day at 00:20 it writes the plan of the fiscal year
 * of the due date for every channel whose last plan is of an earlier year ({@link ChannelPlans#renew}), so the first
 * day of a fiscal year starts with the channels' plans in place. Daily rather than once a year so that a fiscal
 * calendar changed, or a start missed while no instance ran, is caught up the next night (the shared runner also
 * catches up a missed due time after a start); a day with nothing to renew reads the terms and writes nothing.
 */
@Configuration(proxyBeanMethods = false)
class ChannelPlanYearJob {

	@Bean
	ScheduledJob sizingChannelPlansYear(ChannelPlans plans, FiscalCalendar calendar, Clock clock,
			@Value("${rumbo.sizing.channel-plans-cron:0 20 0 * * *}") String cron) {
		return new ScheduledJob("sizing/channel-plans-year", cron, due -> plans.renew(calendar.years()
			.yearOf(due.withZoneSameInstant(clock.getZone()).toLocalDate())));
	}
}
