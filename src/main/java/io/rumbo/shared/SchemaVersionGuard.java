package io.rumbo.shared;

import java.util.Arrays;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Refuses to start when the database holds migrations this build does not know: running older code
 * on a newer schema could silently corrupt data. Flyway would otherwise ignore such "future" migrations.
 */
@Configuration(proxyBeanMethods = false)
public class SchemaVersionGuard {

	@Bean
	FlywayMigrationStrategy guardedMigration() {
		return flyway -> {
			check(flyway);
			flyway.migrate();
		};
	}

	public static void check(Flyway flyway) {
		MigrationInfo[] all = flyway.info().all();
		MigrationInfo[] future = Arrays.stream(all)
			.filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
			.toArray(MigrationInfo[]::new);
		if (future.length > 0) {
			String newest = future[future.length - 1].getVersion().toString();
			String known = Arrays.stream(all)
				.filter(m -> m.getState().isResolved())
				.reduce((a, b) -> b)
				.map(m -> m.getVersion().toString())
				.orElse("none");
			throw new SchemaNewerThanCodeException(newest, known);
		}
	}

	public static class SchemaNewerThanCodeException extends IllegalStateException {

		SchemaNewerThanCodeException(String schemaVersion, String codeVersion) {
			super("The database schema is at version " + schemaVersion + ", newer than this build of Rumbo knows ("
					+ codeVersion + "). Start the Rumbo release that migrated this database, or restore a backup; "
					+ "Rumbo refuses to run older code on a newer schema.");
		}
	}
}
