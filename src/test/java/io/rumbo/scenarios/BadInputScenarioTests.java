package io.rumbo.scenarios;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a 4xx problem detail, never a 500 and never a silently changed value. */
@RumboIntegrationTest
class BadInputScenarioTests extends ApiTestSupport {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	@Test
	void anUnsupportedContentTypeIs415() throws Exception {
		java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
				java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/staff"))
					.header("Authorization", "Bearer " + api.token("admin"))
					.header("Content-Type", "text/plain")
					.POST(java.net.http.HttpRequest.BodyPublishers.ofString("employeeNumber=X"))
					.build(),
				java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(415);
		assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(Api.mapper().readTree(answer.body()).get("detail").asString()).contains("text/plain");
	}

	@Test
	void aNullInsideAListIs400() {
		Api.Response answer = api.post("/api/v1/users", "admin",
				"{\"username\":\"" + unique("n").toLowerCase() + "\",\"displayName\":\"N\",\"password\":\"long-enough\","
						+ "\"roles\":[\"REP\",null]}");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
	}

	@Test
	void passwordsAreRefusedWithTheReasonWhenTooShortOrLongerThanBcryptReads() {
		Api.Response tooLong = api.post("/api/v1/users", "admin", Map.of("username", unique("p").toLowerCase(),
				"displayName", "P", "password", "ñ".repeat(37), "roles", java.util.Set.of("REP")));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
		assertThat(tooLong.json().get("errors").get(0).get("message").asString()).contains("72");

		Api.Response tooShort = api.post("/api/v1/users", "admin", Map.of("username", unique("p").toLowerCase(),
				"displayName", "P", "password", "short", "roles", java.util.Set.of("REP")));
		assertThat(tooShort.status()).isEqualTo(400);
		assertThat(tooShort.json().get("errors").get(0).get("message").asString()).contains("8");

		Api.Response signIn = api.send("POST", "/api/v1/auth/tokens", null, Map.of("username", "admin", "password",
				"x".repeat(100), "name", "long"), Map.of());
		assertThat(signIn.status()).as("a long wrong password is just wrong").isEqualTo(401);
	}

	@Test
	void searchWildcardsMatchThemselves() {
		assertThat(api.get("/api/v1/customers", "director").json().get("page").get("totalElements").asLong()).isPositive();
		for (String wildcard : new String[] { "%25", "_", "%25%25", "__" }) {
			assertThat(api.get("/api/v1/customers?q=" + wildcard, "director").json().get("page").get("totalElements")
				.asLong()).as("customers matching " + wildcard).isZero();
			assertThat(api.get("/api/v1/staff?q=" + wildcard, "director").json().get("page").get("totalElements")
				.asLong()).as("staff matching " + wildcard).isZero();
			assertThat(api.get("/api/v1/users?q=" + wildcard, "admin").json().get("page").get("totalElements").asLong())
				.as("users matching " + wildcard).isZero();
		}
	}
}
