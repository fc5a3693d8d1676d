package io.rumbo.scenarios;

import org.springframework.jdbc.core.simple.JdbcClient;

/** How many audit lines a record has for an action: a refused transition must not add one. */
final class AuditEntries {

	private AuditEntries() {
	}

	static long count(JdbcClient jdbc, String entityType, long id, String action) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM identity_audit_event
				WHERE entity_type = :type AND entity_id = :id AND action = :action""")
			.param("type", entityType)
			.param("id", String.valueOf(id))
			.param("action", action)
			.query(Long.class)
			.single();
	}
}
