package io.rumbo.metrics.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.rumbo.metrics.MetricsRebuild;
import io.rumbo.shared.DemoMode;

/**
 * The demo company's records are loaded in bulk, without events, so its facts are built once from them after every
 * other demo loader has run (the facts have never been rebuilt); from then on events keep them up to date.
 */
@Component
@Order(200)
class DemoMetrics implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoMetrics.class);

	private final DemoMode demo;
	private final MetricsRebuild rebuild;

	DemoMetrics(DemoMode demo, MetricsRebuild rebuild) {
		this.demo = demo;
		this.rebuild = rebuild;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo.enabled() || rebuild.last().isPresent()) {
			return;
		}
		MetricsRebuild.Report report = rebuild.rebuildAll("demo");
		log.info("Built the demo metrics facts: {} rows in {} ms", report.totalRows(), report.millis());
	}
}
