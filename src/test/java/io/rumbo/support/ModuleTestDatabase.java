package io.rumbo.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A database of its own for a module test, so that booting one module never touches the demo company the
 * whole-application tests share: an in-memory H2 database per module, or in the PostgreSQL run a schema per module
 * in the test database. Either starts empty (cleaned, then migrated by Flyway); the test creates its own data.
 */
public final class ModuleTestDatabase {

	private ModuleTestDatabase() {
	}

	public static void register(DynamicPropertyRegistry registry, String module) {
		String name = "module_" + module;
		if ("postgresql".equals(System.getProperty("rumbo.test.database"))) {
			String url = System.getProperty("spring.datasource.url");
			registry.add("spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name);
			registry.add("spring.flyway.default-schema", () -> name);
			registry.add("spring.flyway.schemas", () -> name);
		}
		else {
			registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		}
		registry.add("rumbo.demo.enabled", () -> "false");
	}
}
