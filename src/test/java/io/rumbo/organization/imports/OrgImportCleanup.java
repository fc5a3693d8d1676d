package io.rumbo.organization.imports;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Removes the units, people and accounts an import test created (codes, employee numbers and user names starting
 * with its prefix), so tests sharing the demo database never count them.
 */
final class OrgImportCleanup {

	private OrgImportCleanup() {
	}

	static void remove(JdbcClient jdbc, String prefix) {
		String like = prefix.toUpperCase() + "%";
		String staff = "SELECT id FROM org_staff WHERE UPPER(employee_number) LIKE :p";
		String units = "SELECT id FROM org_unit WHERE UPPER(code) LIKE :p";
		String users = "SELECT id FROM identity_user WHERE UPPER(username) LIKE :p";
		jdbc.sql("DELETE FROM org_staff_assignment WHERE staff_id IN (" + staff + ")").param("p", like).update();
		jdbc.sql("UPDATE org_unit SET manager_staff_id = NULL WHERE manager_staff_id IN (" + staff + ")")
			.param("p", like)
			.update();
		jdbc.sql("DELETE FROM org_unit_manager WHERE unit_id IN (" + units + ") OR manager_staff_id IN (" + staff + ")")
			.param("p", like)
			.update();
		jdbc.sql("DELETE FROM org_staff WHERE id IN (" + staff + ")").param("p", like).update();
		jdbc.sql("DELETE FROM identity_api_token WHERE user_id IN (" + users + ")").param("p", like).update();
		jdbc.sql("DELETE FROM identity_user_role WHERE user_id IN (" + users + ")").param("p", like).update();
		jdbc.sql("DELETE FROM identity_user WHERE id IN (" + users + ")").param("p", like).update();
		jdbc.sql("DELETE FROM org_unit_placement WHERE unit_id IN (" + units + ")").param("p", like).update();
		jdbc.sql("UPDATE org_unit SET parent_id = NULL WHERE id IN (" + units + ")").param("p", like).update();
		jdbc.sql("DELETE FROM org_unit WHERE id IN (" + units + ")").param("p", like).update();
	}
}
