package io.rumbo.metrics.domain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
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

	private final MetricsRebuild rebuild;

	FirstBuild(MetricsRebuild rebuild) {
		this.rebuild = rebuild;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (rebuild.last().isPresent()) {
			return;
		}
		MetricsRebuild.Report report = rebuild.rebuildAll("start");
		log.info("Built the metrics facts for the first time: {} rows in {} ms", report.totalRows(), report.millis());
	}
}
