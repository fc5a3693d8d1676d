package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.planning.FiscalCalendar;
import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Quotas over real HTTP with real tokens, on the demo's published quota plan of this fiscal year: a rep sees and
 * acknowledges only their own quota, a manager opens and allocates only the levels of their subtree (a change to a
 * binding level is a new version with a reason), only a director publishes; out of scope is 404.
 */
@RumboIntegrationTest
class QuotaApiScenarioTests extends ApiTestSupport {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FiscalCalendar calendar;

	Api api;

	int year;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		year = calendar.currentYear();
	}

	private long unit(String code) {
		return jdbc.sql("SELECT id FROM org_unit WHERE code = :c").param("c", code).query(Long.class).single();
	}

	private JsonNode published() {
		JsonNode plan = api.get("/api/v1/quotas/" + year, "director").json();
		assertThat(plan.get("published").isNull()).as("the demo publishes this year's quotas").isFalse();
		return plan.get("published");
	}

	@Test
	void aRepSeesAndAcknowledgesOnlyTheirOwnQuota() {
		long lucia = staffByName(api, "Lucía García").get("id").asLong();
		long pablo = staffByName(api, "Pablo Romero").get("id").asLong();
		JsonNode people = api.get("/api/v1/quotas/" + year + "/people", "rep").json();
		assertThat(people.get("content")).hasSize(1);
		assertThat(people.get("content").get(0).get("id").asLong()).isEqualTo(lucia);
		assertThat(api.get("/api/v1/quotas/" + year + "/people/" + pablo, "rep").status()).isEqualTo(404);

		JsonNode own = api.get("/api/v1/quotas/" + year + "/people/" + lucia, "rep").json();
		assertThat(own.get("mayAcknowledge").asBoolean()).isTrue();
		assertThat(own.get("metrics").findValuesAsString("metric")).contains("REVENUE", "MARGIN", "VISITS");

		JsonNode version = published();
		long company = unit("ALBA");
		assertThat(api.get("/api/v1/quotas/versions/" + version.get("id").asLong() + "/levels", "rep").json()
			.get("content")).isEmpty();
		assertThat(api.get("/api/v1/quotas/versions/" + version.get("id").asLong() + "/levels/" + company, "rep")
			.status()).isEqualTo(404);
		assertThat(api.put("/api/v1/quotas/versions/" + version.get("id").asLong() + "/levels/" + unit("E-MAD-NOR"),
				"rep", Map.of("measure", "revenue", "method", "EVEN", "version", version.get("version").asLong()))
			.status()).isEqualTo(404);

		Api.Response ack = api.post("/api/v1/quotas/" + year + "/acknowledgement", "rep",
				Map.of("comment", "Entendido"));
		assertThat(ack.status()).as(ack.body()).isEqualTo(200);
		assertThat(ack.json().get("acknowledged").asBoolean()).isTrue();
		assertThat(ack.json().get("comment").asString()).isEqualTo("Entendido");
		assertThat(api.get("/api/v1/quotas/" + year + "/people/" + lucia, "rep").json().get("acknowledged")
			.asBoolean()).isTrue();
		assertThat(api.post("/api/v1/quotas/" + year + "/acknowledgement", "director", Map.of()).status())
			.as("a director has no quota of their own").isEqualTo(404);
	}

	@Test
	void aManagerAllocatesOnlyInTheirSubtreeAndOnlyADirectorPublishes() {
		JsonNode version = published();
		long id = version.get("id").asLong();
		long lock = version.get("version").asLong();
		long team = unit("E-MAD-SUR");
		JsonNode level = api.get("/api/v1/quotas/versions/" + id + "/levels/" + team + "?measure=revenue", "manager")
			.json();
		assertThat(level.get("rows")).isNotEmpty();
		// The mismatch is what the team's figure minus its people's quotas leaves, shown as it is.
		BigDecimal sum = BigDecimal.ZERO;
		for (JsonNode row : level.get("rows")) {
			sum = sum.add(row.get("total").decimalValue());
		}
		assertThat(level.get("unitTotal").decimalValue().subtract(sum))
			.isEqualByComparingTo(level.get("mismatch").decimalValue());
		assertThat(api.get("/api/v1/quotas/versions/" + id + "/levels/" + unit("R-NORTE"), "manager").status())
			.as("another region").isEqualTo(404);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("measure", "revenue");
		body.put("method", "EVEN");
		body.put("overAssignment", 5);
		body.put("version", lock);
		assertThat(api.put("/api/v1/quotas/versions/" + id + "/levels/" + unit("E-BIO-IND"), "manager", body).status())
			.isEqualTo(404);
		Api.Response noReason = api.put("/api/v1/quotas/versions/" + id + "/levels/" + team, "manager", body);
		assertThat(noReason.status()).as("a binding level changes only with a reason").isEqualTo(400);
		body.put("reason", "Reparto igual en Madrid Sur");
		body.put("version", lock + 1);
		assertThat(api.put("/api/v1/quotas/versions/" + id + "/levels/" + team, "manager", body).status())
			.as("a stale version").isEqualTo(409);
		body.put("version", lock);
		Api.Response revised = api.put("/api/v1/quotas/versions/" + id + "/levels/" + team, "manager", body);
		assertThat(revised.status()).as(revised.body()).isEqualTo(200);
		assertThat(revised.json().get("number").asInt()).isEqualTo(version.get("number").asInt() + 1);
		assertThat(revised.json().get("reason").asString()).isEqualTo("Reparto igual en Madrid Sur");
		long newId = revised.json().get("id").asLong();
		JsonNode differences = api.get("/api/v1/quotas/versions/" + newId + "/differences", "manager").json();
		assertThat(differences.get("content")).isNotEmpty();
		assertThat(api.get("/api/v1/quotas/versions/" + newId + "/differences", "rep").json().get("content"))
			.as("the rep's own team did not change").isEmpty();

		assertThat(api.post("/api/v1/quotas/versions/" + newId + "/publish", "manager",
				Map.of("version", revised.json().get("version").asLong())).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/quotas/versions/" + newId + "/publish", "director",
				Map.of("version", revised.json().get("version").asLong())).status())
			.as("already published").isEqualTo(409);
		assertThat(api.post("/api/v1/quotas", "manager", Map.of("fiscalYear", year + 5)).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/quotas", "director", Map.of("fiscalYear", year + 5)).status())
			.as("no plan that year").isEqualTo(409);
	}

	@Test
	void theQuotaListExportsInTheImportsColumns() {
		long id = published().get("id").asLong();
		Api.Response csv = api.get("/api/v1/quotas/versions/" + id + "/person-months?measure=revenue", "manager",
				Map.of("Accept", "text/csv"));
		assertThat(csv.status()).isEqualTo(200);
		String[] lines = csv.body().strip().split("\r?\n");
		assertThat(lines[0].replace("\uFEFF", "")).isEqualTo("employee_number,fiscal_month,measure,amount");
		assertThat(lines[1]).matches("E\\d+,FY\\d{4}-M\\d{2},revenue,-?\\d+(\\.\\d+)?");
		JsonNode page = api.get("/api/v1/quotas/versions/" + id + "/person-months?size=5", "rep").json();
		long lucia = staffByName(api, "Lucía García").get("id").asLong();
		assertThat(page.get("content").findValues("staffId")).allMatch(n -> n.asLong() == lucia);
	}
}
