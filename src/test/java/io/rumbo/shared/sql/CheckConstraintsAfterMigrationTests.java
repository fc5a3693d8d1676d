package io.rumbo.shared.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded database keeps its check constraints working after the connection that migrated it is closed. H2
 * 2.4.240 bound a {@code CHECK (state IN (...))} to the session that created it: once the connection pool retired the
 * migration's connection (after 30 minutes, Hikari's default lifetime), every insert into such a table failed with
 * "Check constraint invalid" until a restart. Decision 0027.
 */
class CheckConstraintsAfterMigrationTests {

	@Test
	void aCheckConstraintHoldsOnceTheMigratingConnectionIsClosed() throws Exception {
		String url = "jdbc:h2:mem:check-after-migration;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		// Flyway opens its own connection and closes it when the migrations have run, as the pool retires one.
		Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();

		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				Statement statement = connection.createStatement()) {
			assertThat(statement.executeUpdate("""
					INSERT INTO incentives_payout_run (period_code, period_start, period_end, state, people, total,
					  calculated_by, calculated_at, version)
					VALUES ('FY2026-Q1', DATE '2026-01-01', DATE '2026-03-31', 'DRAFT', 0, 0, 'test',
					  CURRENT_TIMESTAMP, 0)""")).isEqualTo(1);
			// And the constraint still refuses what it should.
			assertThatThrownBy(() -> statement.executeUpdate("""
					INSERT INTO incentives_payout_run (period_code, period_start, period_end, state, people, total,
					  calculated_by, calculated_at, version)
					VALUES ('FY2026-Q2', DATE '2026-04-01', DATE '2026-06-30', 'LOCKED', 0, 0, 'test',
					  CURRENT_TIMESTAMP, 0)""")).hasMessageContaining("ck_incentives_payout_run_state");
			statement.execute("DROP ALL OBJECTS");
		}
	}
}
