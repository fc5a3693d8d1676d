package io.rumbo.incentives;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;

import io.rumbo.quotas.QuotaPublished;
import io.rumbo.quotas.QuotaRevised;
import io.rumbo.shared.jobs.ScheduledJob;

/**
 * When recognition runs by itself: every night the rule-based kinds are decided for their last closed period, and
 * badges are checked every hour (the metrics engine announces no event of its own; its facts follow sales within
 * seconds) and whenever quotas are published or revised, since a new quota moves every attainment. Both timed runs
 * are jobs of the shared runner (once across instances, a missed night caught up at start; decision 0026).
 */
@Configuration(proxyBeanMethods = false)
class RecognitionJobs {

	private static final Logger log = LoggerFactory.getLogger(RecognitionJobs.class);

	private final AwardDecisions awards;
	private final Badges badges;

	RecognitionJobs(AwardDecisions awards, Badges badges) {
		this.awards = awards;
		this.badges = badges;
	}

	@Bean
	ScheduledJob recognitionAwards(@Value("${rumbo.recognition.awards-cron:0 30 1 * * *}") String cron) {
		return ScheduledJob.of("incentives/recognition-awards", cron, this::decideAwards);
	}

	@Bean
	ScheduledJob recognitionBadges(@Value("${rumbo.recognition.badges-cron:0 7 * * * *}") String cron) {
		return ScheduledJob.of("incentives/recognition-badges", cron, this::checkBadges);
	}

	void decideAwards() {
		log.info("Awards decided: {}", awards.decideClosedPeriods().size());
	}

	void checkBadges() {
		log.info("Badges checked: {}", check());
	}

	@ApplicationModuleListener
	void on(QuotaPublished published) {
		check();
	}

	@ApplicationModuleListener
	void on(QuotaRevised revised) {
		check();
	}

	/**
	 * One check at a time: two at once (a quota published during the hourly run) would both find the same new badge
	 * and the second insert would break on the unique key. Each check commits before the next starts.
	 */
	private Badges.CheckReport check() {
		synchronized (RecognitionJobs.class) {
			return badges.check();
		}
	}
}
