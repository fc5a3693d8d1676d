package io.rumbo.scenarios;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.rumbo.support.Api;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Lookups and builders the API scenarios share; every record they create gets a unique code. */
abstract class ApiTestSupport {

	static final AtomicInteger SEQUENCE = new AtomicInteger();

	static String unique(String prefix) {
		return prefix + "-" + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
	}

	static long unitId(Api api, String code) {
		JsonNode page = api.get("/api/v1/org-units?q=" + code + "&archived=true", "admin").json();
		for (JsonNode unit : page.get("content")) {
			if (unit.get("code").asString().equals(code)) {
				return unit.get("id").asLong();
			}
		}
		throw new AssertionError("No unit " + code);
	}

	static JsonNode staffByName(Api api, String query) {
		JsonNode page = api.get("/api/v1/staff?q=" + query.replace(" ", "%20"), "admin").json();
		assertThat(page.get("content").size()).as("people matching " + query).isEqualTo(1);
		return page.get("content").get(0);
	}

	static Map<String, Object> staffBody(String employeeNumber, long unitId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("employeeNumber", employeeNumber);
		body.put("firstName", "Prueba");
		body.put("lastName", "Ejemplo " + employeeNumber);
		body.put("email", employeeNumber.toLowerCase() + "@example.com");
		body.put("hireDate", "2024-02-01");
		body.put("unitId", unitId);
		body.put("jobRole", "SALESPERSON");
		body.put("qualificationLevel", 2);
		return body;
	}

	static Map<String, Object> unitBody(String code, Long parentId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code);
		body.put("name", "Unidad " + code);
		body.put("kind", "TEAM");
		body.put("location", "Toledo");
		body.put("parentId", parentId);
		body.put("validFrom", "2024-01-01");
		return body;
	}

	/**
	 * Creates the users the demo does not have (viewer, people) once, with the password "demo-password"; the demo has
	 * "finance" (password "demo") since the incentive plans.
	 */
	static void ensureExtraRoleUsers(Api api) {
		Map.of("viewer", "VIEWER", "people", "PEOPLE")
			.keySet()
			.forEach(name -> Api.password(name, "demo-password"));
		for (Map.Entry<String, String> user : Map.of("viewer", "VIEWER", "people", "PEOPLE")
			.entrySet()) {
			if (api.get("/api/v1/users?q=" + user.getKey(), "admin").json().get("page").get("totalElements").asLong() == 0) {
				Api.Response created = api.send("POST", "/api/v1/users", api.token("admin"),
						Map.of("username", user.getKey(), "displayName", "Test " + user.getValue(), "password",
								"demo-password", "roles", Set.of(user.getValue())), Map.of());
				assertThat(created.status()).isEqualTo(201);
			}
		}
	}
}
