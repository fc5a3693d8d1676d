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

		int year = java.time.LocalDate.now().getYear() + 6;
		tools.jackson.databind.JsonNode plan = api.post("/api/v1/plans", "director", Map.of("fiscalYear", year, "name",
				"Plan " + year)).json();
		Api.Response cells = api.put("/api/v1/plans/" + plan.get("id").asLong() + "/versions/"
				+ plan.get("versions").get(0).get("id").asLong() + "/targets", "director", "{\"cells\":[null]}");
		assertThat(cells.status()).isEqualTo(400);
		assertThat(cells.contentType()).startsWith("application/problem+json");
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
	void aBackParameterWithALineBreakIsRefusedBeforeAnythingIsWritten() {
		long lucia = staffByName(api, "Lucía García").get("id").asLong();
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("title", unique("Llamar"));
		body.put("assigneeStaffId", lucia);
		body.put("dueOn", java.time.LocalDate.now().plusDays(3).toString());
		long task = api.post("/api/v1/tasks", "manager", body).json().get("id").asLong();
		WebSession rep = new WebSession();
		rep.signIn(port, "rep", "demo");
		String csrf = WebSession.csrf(rep.get(port, "/tasks").body());
		java.net.http.HttpResponse<String> answer = rep.postForm(port, "/tasks/" + task + "/complete",
				Map.of("back", "/tasks\r\nX-Injected: yes", "_csrf", csrf));
		assertThat(answer.headers().firstValue("X-Injected")).isEmpty();
		assertThat(answer.headers().firstValue("Location").orElse("")).doesNotContain("\n").doesNotContain("Injected");
		assertThat(api.get("/api/v1/tasks/" + task, "manager").json().get("done").asBoolean()).as("nothing written")
			.isFalse();
		assertThat(rep.postForm(port, "/tasks/" + task + "/complete", Map.of("back", "/tasks?mine", "_csrf", csrf))
			.headers().firstValue("Location").orElse("")).endsWith("/tasks?mine");
		assertThat(api.get("/api/v1/tasks/" + task, "manager").json().get("done").asBoolean()).isTrue();
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
