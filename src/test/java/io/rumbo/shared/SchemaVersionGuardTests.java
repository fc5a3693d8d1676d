package io.rumbo.shared;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaVersionGuardTests {

	@Test
	void refusesToRunOnASchemaNewerThanTheCode() throws Exception {
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
				"jdbc:h2:mem:guard;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
		Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
		flyway.migrate();
		assertThatCode(() -> SchemaVersionGuard.check(flyway)).doesNotThrowAnyException();

		// A later release applied migration 9999, then someone started this older build on the same database.
		JdbcClient.create(dataSource).sql("""
				INSERT INTO "flyway_schema_history" ("installed_rank", "version", "description", "type", "script",
				  "checksum", "installed_by", "execution_time", "success")
				VALUES (9999, '9999', 'from the future', 'SQL', 'V9999__from_the_future.sql', 0, 'sa', 1, TRUE)""")
			.update();
		assertThatThrownBy(() -> SchemaVersionGuard.check(flyway))
			.isInstanceOf(SchemaVersionGuard.SchemaNewerThanCodeException.class)
			.hasMessageContaining("9999")
			.hasMessageContaining("newer than this build");
	}
}
