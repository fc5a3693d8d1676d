package io.rumbo.scenarios;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
 * Plans over real HTTP: a director builds next year's plan from this year's actuals, a manager edits the cells of
 * their subtree only, a salesperson reads their unit's plan and edits nothing, only a director approves, an approved
 * version is locked and a change is a new version shown against it; plan versus actual adds up.
 */
@RumboIntegrationTest
class PlanApiScenarioTests extends ApiTestSupport {

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

	private long unit(String code) {
		return jdbc.sql("SELECT id FROM org_unit WHERE code = :c").param("c", code).query(Long.class).single();
	}

	private static BigDecimal sumRevenue(JsonNode cells) {
		BigDecimal sum = BigDecimal.ZERO;
		for (JsonNode c : cells) {
			sum = sum.add(c.get("revenue").decimalValue());
		}
		return sum;
	}

	@Test
	void aPlanIsBuiltEditedWithinScopeSubmittedApprovedLockedAndRevised() {
		int year = LocalDate.now().getYear() + 1;
		Api.Response created = api.post("/api/v1/plans", "director",
				Map.of("fiscalYear", year, "name", "Plan " + year, "growthPercent", 10));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long planId = created.json().get("id").asLong();
		JsonNode draft = created.json().get("versions").get(0);
		long versionId = draft.get("id").asLong();
		assertThat(draft.get("state").asString()).isEqualTo("DRAFT");
		assertThat(draft.get("totals").get("revenue").decimalValue()).as("proposed from this year's actuals").isPositive();
		assertThat(api.post("/api/v1/plans", "manager", Map.of("fiscalYear", year + 5, "name", "No")).status())
			.isEqualTo(403);
		assertThat(api.post("/api/v1/plans", "director", Map.of("fiscalYear", year, "name", "Twice")).status())
			.isEqualTo(409);

		String targets = "/api/v1/plans/" + planId + "/versions/" + versionId + "/targets";
		long centro = unit("R-CENTRO");
		long norte = unit("R-NORTE");
		long madridNorte = unit("E-MAD-NOR");
		// The manager of Región Centro sets its year total: it is spread over the region's cells to the cent.
		Api.Response spread = api.post("/api/v1/plans/" + planId + "/versions/" + versionId + "/spread", "manager",
				Map.of("unitId", centro, "period", "Y", "measure", "REVENUE", "total", "4000000.00", "keepShares", true));
		assertThat(spread.status()).as(spread.body()).isEqualTo(200);
		assertThat(spread.json().get("difference").decimalValue()).isEqualByComparingTo("0");
		JsonNode managerCells = api.get(targets, "manager").json().get("cells");
		assertThat(sumRevenue(managerCells)).as("the manager sees exactly their region").isEqualByComparingTo("4000000.00");
		assertThat(api.post("/api/v1/plans/" + planId + "/versions/" + versionId + "/spread", "manager",
				Map.of("unitId", norte, "period", "Q1", "measure", "REVENUE", "total", "1")).status())
			.as("another region").isEqualTo(403);

		// A salesperson reads their unit's cells and edits nothing.
		JsonNode repCells = api.get(targets, "rep").json().get("cells");
		assertThat(repCells).isNotEmpty().allSatisfy(c -> assertThat(c.get("unitId").asLong()).isEqualTo(madridNorte));
		long line = repCells.get(0).get("lineId").asLong();
		Map<String, Object> cell = Map.of("cells", List.of(Map.of("unitId", madridNorte, "lineId", line, "month", 1,
				"revenue", "12345.67", "units", "10", "margin", "4000")));
		assertThat(api.put(targets, "rep", cell).status()).isEqualTo(403);
		assertThat(api.put(targets, "manager", cell).status()).isEqualTo(200);
		JsonNode written = api.get(targets, "manager").json().get("cells");
		assertThat(written.valueStream().filter(c -> c.get("unitId").asLong() == madridNorte
				&& c.get("lineId").asLong() == line && c.get("month").asInt() == 1)
			.findFirst().orElseThrow().get("revenue").decimalValue()).isEqualByComparingTo("12345.67");

		// Only a director approves; an approved version is locked.
		JsonNode submitted = api.post("/api/v1/plans/" + planId + "/submit", "manager", Map.of()).json();
		assertThat(submitted.get("state").asString()).isEqualTo("SUBMITTED");
		assertThat(api.post("/api/v1/plans/" + planId + "/approve", "manager", Map.of()).status()).isEqualTo(403);
		JsonNode approved = api.post("/api/v1/plans/" + planId + "/approve", "director", Map.of()).json();
		assertThat(approved.get("state").asString()).isEqualTo("APPROVED");
		assertThat(api.put(targets, "director", cell).status()).as("locked").isEqualTo(409);
		assertThat(api.post("/api/v1/plans/" + planId + "/versions/" + versionId + "/activate", "director",
				Map.of("version", approved.get("version").asLong())).json().get("state").asString()).isEqualTo("ACTIVE");

		// A change is a new version, shown against the one it is based on.
		Api.Response revised = api.post("/api/v1/plans/" + planId + "/versions", "director",
				Map.of("fromVersionId", versionId, "note", "Más informática"));
		assertThat(revised.status()).isEqualTo(201);
		long v2 = revised.json().get("id").asLong();
		assertThat(revised.json().get("basedOnNumber").asInt()).isEqualTo(1);
		api.post("/api/v1/plans/" + planId + "/versions/" + v2 + "/spread", "director", Map.of("unitId", madridNorte,
				"lineId", line, "period", "Q2", "measure", "REVENUE", "total", "30000", "method", "SEASONALITY"));
		JsonNode differences = api.get("/api/v1/plans/" + planId + "/versions/" + v2 + "/differences", "director").json();
		assertThat(differences).hasSize(1);
		assertThat(differences.get(0).get("unitId").asLong()).isEqualTo(madridNorte);
		assertThat(api.post("/api/v1/plans/" + planId + "/versions", "director", Map.of("fromVersionId", versionId))
			.status()).as("one open draft at a time").isEqualTo(409);
	}

	@Test
	void planVersusActualAddsUpAndTheCalendarIsGuarded() {
		JsonNode plans = api.get("/api/v1/plans", "director").json();
		long planId = plans.valueStream().filter(p -> p.get("fiscalYear").asInt() == LocalDate.now().getYear())
			.findFirst().orElseThrow().get("id").asLong();
		JsonNode byUnit = api.get("/api/v1/plans/" + planId + "/performance?by=unit", "director").json();
		JsonNode total = byUnit.get("total");
		assertThat(total.get("target").decimalValue()).isPositive();
		assertThat(total.get("actual").decimalValue()).isPositive();
		assertThat(total.get("forecast").decimalValue()).isEqualByComparingTo(
				total.get("actual").decimalValue().add(total.get("pipeline").decimalValue()));
		assertThat(total.get("gap").decimalValue()).isEqualByComparingTo(
				total.get("actual").decimalValue().subtract(total.get("expected").decimalValue()));
		assertThat(total.get("expected").decimalValue()).isLessThanOrEqualTo(total.get("target").decimalValue());
		JsonNode byMonth = api.get("/api/v1/plans/" + planId + "/performance?by=month", "director").json();
		assertThat(byMonth.get("rows")).hasSize(12);
		BigDecimal months = BigDecimal.ZERO;
		for (JsonNode row : byMonth.get("rows")) {
			months = months.add(row.get("target").decimalValue());
		}
		assertThat(months).isEqualByComparingTo(total.get("target").decimalValue());
		JsonNode quarter = api.get("/api/v1/plans/" + planId + "/performance?by=line&period=Q1", "manager").json();
		assertThat(quarter.get("total").get("target").decimalValue()).isLessThan(total.get("target").decimalValue());
		assertThat(api.get("/api/v1/plans/" + planId + "/performance?by=nonsense", "director").status()).isEqualTo(400);
		assertThat(api.get("/api/v1/plans/" + planId + "/performance?period=Q9", "director").status()).isEqualTo(400);

		JsonNode calendar = api.get("/api/v1/fiscal-calendar", "rep").json();
		assertThat(calendar.get("startMonth").asInt()).isEqualTo(1);
		assertThat(calendar.get("months")).hasSize(12);
		assertThat(api.put("/api/v1/fiscal-calendar", "rep", Map.of("startMonth", 4, "version",
				calendar.get("version").asLong())).status()).isEqualTo(403);
		assertThat(api.put("/api/v1/fiscal-calendar", "director", Map.of("startMonth", 4, "version",
				calendar.get("version").asLong())).status()).as("plans exist").isEqualTo(409);
	}
}
