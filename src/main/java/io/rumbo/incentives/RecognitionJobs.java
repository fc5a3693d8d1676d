package io.rumbo.incentives;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import io.rumbo.quotas.QuotaPublished;
import io.rumbo.quotas.QuotaRevised;

/**
 * When recognition runs by itself: every night the rule-based kinds are decided for their last closed period, and
 * badges are checked every hour (the metrics engine announces no event of its own; its facts follow sales within
 * seconds) and whenever quotas are published or revised, since a new quota moves every attainment.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RecognitionJobs {

	private static final Logger log = LoggerFactory.getLogger(RecognitionJobs.class);

	private final AwardDecisions awards;
	private final Badges badges;

	RecognitionJobs(AwardDecisions awards, Badges badges) {
		this.awards = awards;
		this.badges = badges;
	}

	@Scheduled(cron = "${rumbo.recognition.awards-cron:0 30 1 * * *}")
	void decideAwards() {
		log.info("Awards decided: {}", awards.decideClosedPeriods().size());
	}

	@Scheduled(cron = "${rumbo.recognition.badges-cron:0 7 * * * *}")
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
