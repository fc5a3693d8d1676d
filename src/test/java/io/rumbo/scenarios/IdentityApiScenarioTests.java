package io.rumbo.scenarios;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens, users and role grants, sign-in throttling and the audit trail, over real HTTP. */
@RumboIntegrationTest
class IdentityApiScenarioTests extends ApiTestSupport {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		ensureExtraRoleUsers(api);
	}

	@Test
	void aTokenIsShownOnceStoredHashedAndCanBeRevoked() {
		Api.Response issued = api.send("POST", "/api/v1/auth/tokens", null,
				Map.of("username", "director", "password", "demo", "name", "revoke me", "expiresInDays", 7), Map.of());
		assertThat(issued.status()).isEqualTo(201);
		String token = issued.json().get("token").asString();
		assertThat(token).startsWith("rmb_");
		assertThat(issued.json().get("expiresAt").isNull()).isFalse();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_api_token WHERE token_hash = :t").param("t", token)
			.query(Long.class).single()).as("the secret itself is never stored").isZero();

		assertThat(api.send("GET", "/api/v1/users/me", token, null, Map.of()).status()).isEqualTo(200);
		JsonNode mine = api.send("GET", "/api/v1/auth/tokens", token, null, Map.of()).json();
		long id = issued.json().get("id").asLong();
		assertThat(mine).anySatisfy(t -> assertThat(t.get("id").asLong()).isEqualTo(id));
		assertThat(mine.toString()).doesNotContain(token);

		assertThat(api.delete("/api/v1/auth/tokens/" + id, "rep").status()).as("not the rep's token").isEqualTo(404);
		assertThat(api.send("DELETE", "/api/v1/auth/tokens/" + id, token, null, Map.of()).status()).isEqualTo(204);
		assertThat(api.send("GET", "/api/v1/users/me", token, null, Map.of()).status()).isEqualTo(401);
	}

	@Test
	void unauthenticatedAndBadTokensAnswer401ProblemDetails() {
		Api.Response none = api.send("GET", "/api/v1/staff", null, null, Map.of());
		assertThat(none.status()).isEqualTo(401);
		assertThat(none.contentType()).startsWith("application/problem+json");
		assertThat(api.send("GET", "/api/v1/staff", "rmb_forged", null, Map.of()).status()).isEqualTo(401);
		Api.Response wrong = api.send("POST", "/api/v1/auth/tokens", null,
				Map.of("username", "director", "password", "wrong", "name", "x"), Map.of("Accept-Language", "es"));
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.json().get("detail").asString()).isEqualTo("Usuario o contraseña incorrectos.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "director", "manager", "rep", "viewer", "people", "finance" })
	void onlyAdministratorsManageUsers(String user) {
		assertThat(api.get("/api/v1/users", user).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/users", user, Map.of("username", unique("u"), "displayName", "X", "password",
				"long-enough", "roles", Set.of("REP"))).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/users/me", user).json().get("username").asString()).isEqualTo(user);
		long adminId = api.get("/api/v1/users/me", "admin").json().get("id").asLong();
		assertThat(api.get("/api/v1/users/" + adminId, user).status()).isEqualTo(404);
		assertThat(api.delete("/api/v1/users/" + adminId, user).status()).isEqualTo(403);
	}

	@Test
	void administratorsGrantRolesWithVersionsAndAnAuditTrail() {
		String name = unique("user").toLowerCase();
		Api.Response created = api.post("/api/v1/users", "admin",
				Map.of("username", name, "displayName", "Nueva Persona", "password", "long-enough", "roles", Set.of("REP")));
		assertThat(created.status()).isEqualTo(201);
		JsonNode user = created.json();
		long id = user.get("id").asLong();
		Map<String, Object> update = Map.of("version", user.get("version").asLong(), "displayName", "Nueva Persona",
				"enabled", true, "roles", Set.of("REP", "MANAGER"));
		assertThat(api.put("/api/v1/users/" + id, "admin", update).status()).isEqualTo(200);
		assertThat(api.put("/api/v1/users/" + id, "admin", update).status()).as("stale").isEqualTo(409);

		JsonNode page = api.get("/api/v1/users?role=MANAGER&q=" + name, "admin").json();
		assertThat(page.get("content").get(0).get("roles").toString()).contains("MANAGER", "REP");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_audit_event WHERE entity_type = 'ROLE_GRANT' AND entity_id = :id"
				+ " AND action = 'GRANT'").param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);

		Api.password(name, "long-enough");
		assertThat(api.get("/api/v1/users/me", name).status()).isEqualTo(200);
		assertThat(api.delete("/api/v1/users/" + id, "admin").status()).isEqualTo(204);
		assertThat(api.get("/api/v1/users/me", name).status()).as("archived users' tokens are revoked").isEqualTo(401);
		assertThat(api.delete("/api/v1/users/" + id, "admin").status()).as("a user is archived once").isEqualTo(409);
		assertThat(AuditEntries.count(jdbc, "USER", id, "ARCHIVE")).isEqualTo(1);
	}

	@Test
	void userNamesAreUniqueAndPasswordsLongEnough() {
		Api.Response taken = api.post("/api/v1/users", "admin",
				Map.of("username", "Manager", "displayName", "X", "password", "long-enough", "roles", Set.of("REP")));
		assertThat(taken.status()).isEqualTo(400);
		assertThat(taken.json().get("errors").get(0).get("field").asString()).isEqualTo("username");
		Api.Response shortPassword = api.post("/api/v1/users", "admin",
				Map.of("username", unique("u"), "displayName", "X", "password", "short", "roles", Set.of("REP")));
		assertThat(shortPassword.status()).isEqualTo(400);
		assertThat(shortPassword.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
	}

	@Test
	void repeatedFailedSignInsAreThrottledPerUserWithoutPermanentLockout() {
		String name = unique("throttle").toLowerCase();
		assertThat(api.post("/api/v1/users", "admin", Map.of("username", name, "displayName", "Throttle", "password",
				"right-password", "roles", Set.of("REP"))).status()).isEqualTo(201);
		for (int i = 0; i < 5; i++) {
			assertThat(api.send("POST", "/api/v1/auth/tokens", null,
					Map.of("username", name, "password", "wrong-password", "name", "x"), Map.of()).status()).isEqualTo(401);
		}
		Api.Response blocked = api.send("POST", "/api/v1/auth/tokens", null,
				Map.of("username", name, "password", "right-password", "name", "x"), Map.of());
		assertThat(blocked.status()).as("even the right password waits").isEqualTo(429);
		assertThat(blocked.json().get("detail").asString()).contains("minutes");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_audit_event WHERE action = 'SIGN_IN_FAILURE' AND entity_id = :u")
			.param("u", name).query(Long.class).single()).isEqualTo(6);

		// The window passes (simulated by ageing the attempts): the user may sign in again.
		jdbc.sql("UPDATE identity_sign_in_attempt SET attempted_at = attempted_at - INTERVAL '1' HOUR WHERE username = :u")
			.param("u", name).update();
		assertThat(api.send("POST", "/api/v1/auth/tokens", null,
				Map.of("username", name, "password", "right-password", "name", "x"), Map.of()).status()).isEqualTo(201);
	}

	@Test
	void changesToStaffAreAuditedWithBeforeAndAfter() {
		JsonNode hugo = staffByName(api, "Hugo Serrano");
		Map<String, Object> body = Api.mapper().convertValue(hugo, Map.class);
		body.put("qualificationLevel", hugo.get("qualificationLevel").asInt() % 5 + 1);
		assertThat(api.put("/api/v1/staff/" + hugo.get("id").asLong(), "manager", body).status()).isEqualTo(200);
		JsonNode entry = jdbc.sql("""
				SELECT actor, before_state, after_state FROM identity_audit_event
				WHERE entity_type = 'STAFF' AND entity_id = :id AND action = 'UPDATE' ORDER BY id DESC""")
			.param("id", hugo.get("id").asString())
			.query((rs, n) -> Api.mapper().createObjectNode()
				.put("actor", rs.getString(1))
				.put("before", rs.getString(2))
				.put("after", rs.getString(3)))
			.list()
			.get(0);
		assertThat(entry.get("actor").asString()).isEqualTo("manager");
		assertThat(entry.get("before").asString()).contains("\"qualificationLevel\":" + hugo.get("qualificationLevel").asInt());
		assertThat(entry.get("after").asString()).contains("\"qualificationLevel\":" + body.get("qualificationLevel"));
	}
}
