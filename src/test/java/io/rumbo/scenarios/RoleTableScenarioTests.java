package io.rumbo.scenarios;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rows of the role table in docs/api.md that the attack found open: submitting the company-wide plan, moving
 * initiatives of strategies outside one's scope, linking a sign-in account to new staff, and learning through a
 * duplicate that a customer outside one's scope exists.
 */
@RumboIntegrationTest
class RoleTableScenarioTests extends ApiTestSupport {

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
	void onlyDirectorsAndAdministratorsSubmitTheCompanyWidePlan() {
		int year = LocalDate.now().getYear() + 4;
		JsonNode plan = api.post("/api/v1/plans", "director", Map.of("fiscalYear", year, "name", "Plan " + year)).json();
		JsonNode draft = plan.get("versions").get(0);
		String submit = "/api/v1/plans/" + plan.get("id").asLong() + "/versions/" + draft.get("id").asLong() + "/submit";
		Map<String, Object> body = Map.of("version", draft.get("version").asLong());
		assertThat(api.post(submit, "manager", body).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/plans/" + plan.get("id").asLong() + "/submit", "manager", Map.of()).status())
			.isEqualTo(403);
		assertThat(api.post(submit, "rep", body).status()).isEqualTo(403);
		Api.Response submitted = api.post(submit, "director", body);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
		assertThat(submitted.json().get("state").asString()).isEqualTo("SUBMITTED");
	}

	@Test
	void aManagerMovesOnlyTheInitiativesOfStrategiesInTheirScope() {
		long planId = api.get("/api/v1/plans", "director").json().get("content").get(0).get("id").asLong();
		int year = LocalDate.now().getYear();
		// The demo manager leads Región Centro.
		assertThat(moveAsManager(strategy(planId, year, unitId(api, "R-NORTE")))).as("another region").isEqualTo(403);
		assertThat(moveAsManager(strategy(planId, year, null))).as("company-wide").isEqualTo(403);
		assertThat(moveAsManager(strategy(planId, year, unitId(api, "E-MAD-NOR")))).as("a team of their region")
			.isEqualTo(200);
	}

	private JsonNode strategy(long planId, int year, Long unitId) {
		Map<String, Object> body = new LinkedHashMap<>(Map.of("planId", planId, "name", unique("Estrategia"), "startsOn",
				year + "-01-01", "endsOn", year + "-12-31"));
		body.put("unitId", unitId);
		Api.Response created = api.post("/api/v1/strategies", "director", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		return api.post("/api/v1/strategies/" + id + "/initiatives", "director", Map.of("title", "Visitar")).json();
	}

	private int moveAsManager(JsonNode strategy) {
		JsonNode initiative = strategy.get("initiatives").get(0);
		return api.put("/api/v1/strategies/" + strategy.get("id").asLong() + "/initiatives/" + initiative.get("id")
			.asLong(), "manager", Map.of("version", initiative.get("version").asLong(), "status", "IN_PROGRESS")).status();
	}

	@Test
	void aManagerCreatesStaffWithoutLinkingAnAccount() {
		long admin = api.get("/api/v1/users/me", "admin").json().get("id").asLong();
		long team = unitId(api, "E-MAD-NOR");
		Map<String, Object> linked = staffBody(unique("L"), team);
		linked.put("userId", admin);
		assertThat(api.post("/api/v1/staff", "manager", linked).status()).as("admin's account").isEqualTo(403);
		Api.Response viewer = api.get("/api/v1/users?q=viewer", "admin");
		linked.put("userId", viewer.json().get("content").get(0).get("id").asLong());
		assertThat(api.post("/api/v1/staff", "manager", linked).status()).as("any account").isEqualTo(403);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM org_staff WHERE employee_number = :n")
			.param("n", linked.get("employeeNumber")).query(Long.class).single()).isZero();
		assertThat(api.post("/api/v1/staff", "manager", staffBody(unique("L"), team)).status()).as("without an account")
			.isEqualTo(201);

		String username = unique("acc").toLowerCase();
		long account = api.post("/api/v1/users", "admin", Map.of("username", username, "displayName", username,
				"password", "a-long-password", "roles", Set.of("REP"))).json().get("id").asLong();
		Map<String, Object> byPeople = staffBody(unique("L"), team);
		byPeople.put("userId", account);
		Api.Response created = api.post("/api/v1/staff", "people", byPeople);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("userId").asLong()).isEqualTo(account);
	}

	@Test
	void aRepDoesNotLearnThatATaxIdOrExternalIdExistsOutsideTheirScope() {
		String taxId = "X" + System.nanoTime() % 100_000_000;
		String externalId = unique("EXT");
		Map<String, Object> hidden = customer(unique("Oculta"));
		hidden.put("taxId", taxId);
		hidden.put("externalId", externalId);
		hidden.put("ownerStaffId", staffByName(api, "Ane Goñi").get("id").asLong());
		Api.Response made = api.post("/api/v1/customers", "director", hidden);
		assertThat(made.status()).as(made.body()).isEqualTo(201);

		Map<String, Object> malformed = customer(unique("Mal"));
		malformed.put("taxId", "!!");
		malformed.put("externalId", unique("EXT"));
		JsonNode invalid = api.post("/api/v1/customers", "rep", malformed).json();

		Map<String, Object> probe = customer(unique("Sonda"));
		probe.put("taxId", taxId);
		probe.put("externalId", externalId);
		Api.Response answer = api.post("/api/v1/customers", "rep", probe);
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body()).doesNotContain(taxId).doesNotContain(externalId).doesNotContain("another customer");
		assertThat(message(answer.json(), "taxId")).as("as for a malformed tax id").isEqualTo(message(invalid, "taxId"));
		assertThat(message(answer.json(), "externalId")).isNotBlank();

		// The director sees the account: the duplicate is named.
		Api.Response named = api.post("/api/v1/customers", "director", probe);
		assertThat(named.status()).isEqualTo(400);
		assertThat(message(named.json(), "taxId")).contains(taxId);
		assertThat(message(named.json(), "externalId")).contains(externalId);
	}

	private static String message(JsonNode problem, String field) {
		for (JsonNode error : problem.get("errors")) {
			if (error.get("field").asString().equals(field)) {
				return error.get("message").asString();
			}
		}
		throw new AssertionError("No error on " + field + " in " + problem);
	}

	private static Map<String, Object> customer(String name) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("legalName", name);
		body.put("segment", "SMALL_BUSINESS");
		body.put("companySize", "SMALL");
		body.put("potentialClass", "B");
		body.put("city", "Madrid");
		body.put("region", "Centro");
		body.put("status", "PROSPECT");
		body.put("effectiveDate", LocalDate.now().toString());
		return body;
	}
}
