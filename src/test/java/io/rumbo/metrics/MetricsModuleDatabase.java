package io.rumbo.metrics;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.rumbo.support.ModuleTestDatabase;

/**
 * The metrics module's own database, declared once so that {@link MetricsModuleTests} and {@link OrderLedgerTests}
 * share one Spring context (a {@code @DynamicPropertySource} method of each class would make two, each cleaning the
 * same database when it starts). The two write in months and companies of their own.
 */
abstract class MetricsModuleDatabase {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		ModuleTestDatabase.register(registry, "metrics");
	}
}
