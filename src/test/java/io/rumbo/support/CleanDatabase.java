package io.rumbo.support;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

import io.rumbo.shared.SchemaVersionGuard;

/** Empties the schema before migrating, so a reused PostgreSQL database starts every run the same. */
@TestConfiguration(proxyBeanMethods = false)
public class CleanDatabase {

	@Bean
	@Primary
	FlywayMigrationStrategy cleanThenMigrate(Environment environment) {
		boolean clean = environment.getProperty("rumbo.test.clean-database", Boolean.class, false);
		return flyway -> {
			if (clean) {
				flyway.clean();
			}
			SchemaVersionGuard.check(flyway);
			flyway.migrate();
		};
	}
}
