package io.rumbo.sizing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V90 adds the job roles a scenario sizes (decision 0042). A scenario saved before it sized salespeople only, so the
 * migration must keep that meaning; only a scenario saved afterwards takes the new default (salespeople and key
 * account managers).
 */
class ScenarioRolesMigrationTests {

	private static final String URL = "jdbc:h2:mem:scenario-roles-migration;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
			+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

	@Test
	void aScenarioSavedBeforeV90KeepsSizingSalespeopleOnly() throws Exception {
		Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration").target("89").load().migrate();
		try (Connection connection = DriverManager.getConnection(URL, "sa", "");
				Statement statement = connection.createStatement()) {
			statement.executeUpdate("""
					INSERT INTO sizing_scenario (name, method, unit_id, fiscal_year, inputs, result, created_by,
					  created_at, archived, version)
					VALUES ('Saved before', 'WORKLOAD', 1, 2026, '{}', 3, 'test', CURRENT_TIMESTAMP, FALSE, 0)""");

			Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration").load().migrate();

			try (ResultSet rs = statement.executeQuery(
					"SELECT job_roles, position_role FROM sizing_scenario WHERE name = 'Saved before'")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString("job_roles")).isEqualTo("SALESPERSON");
				assertThat(rs.getString("position_role")).isEqualTo("SALESPERSON");
			}
			// A row written without the columns after the migration takes the new default.
			statement.executeUpdate("""
					INSERT INTO sizing_scenario (name, method, unit_id, fiscal_year, inputs, result, created_by,
					  created_at, archived, version)
					VALUES ('Saved after', 'WORKLOAD', 1, 2026, '{}', 3, 'test', CURRENT_TIMESTAMP, FALSE, 0)""");
			try (ResultSet rs = statement.executeQuery(
					"SELECT job_roles FROM sizing_scenario WHERE name = 'Saved after'")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString("job_roles")).isEqualTo("SALESPERSON,KEY_ACCOUNT_MANAGER");
			}
			statement.execute("DROP ALL OBJECTS");
		}
	}
}
