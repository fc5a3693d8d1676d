package io.rumbo.scenarios;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user whose roles change, who is disabled or archived, or whose password changes loses every page session and API
 * token opened before the change, at once (a demoted director's open page must not keep creating records).
 */
@RumboIntegrationTest
class SignInsEndScenarioTests extends ApiTestSupport {

	private static final String PASSWORD = "first-password";

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	/** A director with an open page session and a token, both working. */
	private record SignedIn(long id, String username, WebSession page, String token) {
	}

	private SignedIn director() {
		String username = unique("dir").toLowerCase();
		Api.Response created = api.post("/api/v1/users", "admin", Map.of("username", username, "displayName",
				"Directora " + username, "password", PASSWORD, "roles", Set.of("DIRECTOR")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		WebSession page = new WebSession();
		assertThat(page.signIn(port, username, PASSWORD).headers().firstValue("Location").orElse("")).doesNotContain(
				"error");
		assertThat(page.get(port, "/organization/staff").statusCode()).isEqualTo(200);
		Api.Response token = api.send("POST", "/api/v1/auth/tokens", null, Map.of("username", username, "password",
				PASSWORD, "name", "before"), Map.of());
		assertThat(token.status()).isEqualTo(201);
		SignedIn user = new SignedIn(created.json().get("id").asLong(), username, page,
				token.json().get("token").asString());
		assertThat(api.send("GET", "/api/v1/staff", user.token(), null, Map.of()).status()).isEqualTo(200);
		return user;
	}

	private void assertSignedOut(SignedIn user) {
		HttpResponse<String> page = user.page().get(port, "/organization/staff");
		assertThat(page.statusCode()).as("the page session ended").isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElse("")).contains("/login");
		assertThat(api.send("GET", "/api/v1/staff", user.token(), null, Map.of()).status()).as("the token was revoked")
			.isEqualTo(401);
		assertThat(api.send("POST", "/api/v1/org-units", user.token(), unitBody(unique("U"), unitId(api, "S-SVQ")),
				Map.of()).status()).as("nothing is created with it").isEqualTo(401);
	}

	private Api.Response change(SignedIn user, boolean enabled, Set<String> roles) {
		JsonNode current = api.get("/api/v1/users/" + user.id(), "admin").json();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("version", current.get("version").asLong());
		body.put("displayName", current.get("displayName").asString());
		body.put("enabled", enabled);
		body.put("roles", roles);
		return api.put("/api/v1/users/" + user.id(), "admin", body);
	}

	@Test
	void aDemotedDirectorIsSignedOutEverywhere() {
		SignedIn user = director();
		assertThat(change(user, true, Set.of("VIEWER")).status()).isEqualTo(200);
		assertSignedOut(user);
		WebSession again = new WebSession();
		again.signIn(port, user.username(), PASSWORD);
		assertThat(again.get(port, "/organization/staff").statusCode()).as("signing in again works").isEqualTo(200);
	}

	@Test
	void aDisabledUserIsSignedOutEverywhere() {
		SignedIn user = director();
		assertThat(change(user, false, Set.of("DIRECTOR")).status()).isEqualTo(200);
		assertSignedOut(user);
	}

	@Test
	void anArchivedUserIsSignedOutEverywhere() {
		SignedIn user = director();
		assertThat(api.delete("/api/v1/users/" + user.id(), "admin").status()).isEqualTo(204);
		assertSignedOut(user);
	}

	@Test
	void aNewPasswordEndsEveryOtherSessionAndTokenButKeepsTheCurrentPage() {
		SignedIn user = director();
		WebSession current = new WebSession();
		current.signIn(port, user.username(), PASSWORD);
		String csrf = WebSession.csrf(current.get(port, "/account").body());
		HttpResponse<String> changed = current.postForm(port, "/account/password", Map.of("currentPassword", PASSWORD,
				"newPassword", "second-password", "confirmPassword", "second-password", "_csrf", csrf));
		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(current.get(port, "/account").body()).as("the page that changed it stays signed in")
			.doesNotContain("name=\"password\"");
		assertThat(current.get(port, "/organization/staff").statusCode()).isEqualTo(200);
		assertSignedOut(user);
	}
}
