package io.rumbo.metrics.domain;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rumbo.metrics.MetricsRebuild;

/**
 * Builds the facts once, at start, when they have never been built: records written before the metrics module
 * existed, or loaded in bulk without events as the demo company's are, would otherwise count nowhere, and plan versus
 * actual, the plan baseline and attainment read only the facts. It runs after the demo loaders that write the records
 * the facts come from (orders, opportunities, activities, tasks, service: orders 50 to 80) and before the demo plan
 * (90), whose baseline reads last year's facts. From then on events keep the facts up to date.
 */
@Component
@Order(85)
class FirstBuild implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstBuild.class);

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private final MetricsRebuild rebuild;
	private final JdbcClient jdbc;

	FirstBuild(MetricsRebuild rebuild, JdbcClient jdbc) {
		this.rebuild = rebuild;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (rebuild.last().isPresent()) {
			return;
		}
		awaitListeners();
		rebuild.rebuildIfNeverBuilt("start")
			.ifPresent(report -> log.info("Built the metrics facts for the first time: {} rows in {} ms",
					report.totalRows(), report.millis()));
	}

	/**
	 * The demo loaders that go through the facades (opportunities) publish events whose metrics listeners are still
	 * running now. The rebuild holds the facts' lock for seconds, longer than an embedded database lets a listener
	 * wait for it, so it lets them finish first (what they write, the rebuild writes again). A minute at most: a
	 * publication that keeps failing does not stop the start.
	 */
	private void awaitListeners() {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (System.nanoTime() < deadline && running() > 0) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * The metrics listeners' publications not yet completed nor failed, from Spring Modulith's registry (the
	 * application's own table, decision 0006; its query API is not public).
	 */
	private long running() {
		return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL"
				+ " AND (status IS NULL OR status <> 'FAILED') AND listener_id LIKE 'io.rumbo.metrics.%'")
			.query(Long.class)
			.single();
	}
}
