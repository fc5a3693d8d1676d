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
		// Región Norte plans to stand still at zero growth... of a zero baseline: -100 % empties its cells.
		Api.Response created = api.post("/api/v1/plans", "director", Map.of("fiscalYear", year, "name", "Plan " + year,
				"growthPercent", 10, "unitGrowthPercent", Map.of(String.valueOf(unit("R-NORTE")), -100)));
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
		java.util.Set<Long> norteUnits = new java.util.HashSet<>(jdbc.sql("""
				SELECT id FROM org_unit WHERE code IN ('R-NORTE') OR parent_id IN (SELECT id FROM org_unit WHERE code = 'R-NORTE')
				OR parent_id IN (SELECT u.id FROM org_unit u JOIN org_unit p ON p.id = u.parent_id WHERE p.code = 'R-NORTE')""")
			.query(Long.class).list());
		JsonNode proposed = api.get(targets, "director").json().get("cells");
		assertThat(proposed.valueStream().filter(c -> norteUnits.contains(c.get("unitId").asLong())))
			.as("unit growth -100 %").isNotEmpty()
			.allSatisfy(c -> assertThat(c.get("revenue").decimalValue()).isEqualByComparingTo("0"));
		assertThat(proposed.valueStream().filter(c -> !norteUnits.contains(c.get("unitId").asLong()))
			.anyMatch(c -> c.get("revenue").decimalValue().signum() > 0)).isTrue();
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

		// New customers are planned per unit: twelve whole customers over the year's months.
		assertThat(api.post("/api/v1/plans/" + planId + "/versions/" + versionId + "/spread", "manager", Map.of("unitId",
				madridNorte, "period", "Y", "measure", "NEW_CUSTOMERS", "total", 12)).json().get("difference")
			.decimalValue()).isEqualByComparingTo("0");
		assertThat(api.get(targets, "manager").json().get("newCustomers").valueStream()
			.filter(g -> g.get("unitId").asLong() == madridNorte).mapToInt(g -> g.get("newCustomers").asInt()).sum())
			.isEqualTo(12);
		assertThat(api.post("/api/v1/plans/" + planId + "/versions/" + versionId + "/spread", "manager", Map.of("unitId",
				madridNorte, "period", "Y", "measure", "NEW_CUSTOMERS", "total", "2.5")).status()).as("whole customers")
			.isEqualTo(400);

		// The version covers the company: a manager does not submit it. Only a director approves; an approved version
		// is locked.
		assertThat(api.post("/api/v1/plans/" + planId + "/submit", "manager", Map.of()).status()).isEqualTo(403);
		JsonNode submitted = api.post("/api/v1/plans/" + planId + "/submit", "director", Map.of()).json();
		assertThat(submitted.get("state").asString()).isEqualTo("SUBMITTED");
		assertThat(api.post("/api/v1/plans/" + planId + "/approve", "manager", Map.of()).status()).isEqualTo(403);
		JsonNode approved = api.post("/api/v1/plans/" + planId + "/approve", "director", Map.of()).json();
		assertThat(approved.get("state").asString()).isEqualTo("APPROVED");
		assertThat(api.put(targets, "director", cell).status()).as("locked").isEqualTo(409);
		assertThat(api.post("/api/v1/plans/" + planId + "/versions/" + versionId + "/activate", "director",
				Map.of("version", approved.get("version").asLong())).json().get("state").asString()).isEqualTo("ACTIVE");

		// The version refuses a move its state does not allow: 409, and no second audit entry.
		long moves = auditEntries("PLAN_VERSION", versionId);
		JsonNode active = api.get("/api/v1/plans/" + planId + "/versions/" + versionId, "director").json();
		assertThat(api.post("/api/v1/plans/" + planId + "/versions/" + versionId + "/activate", "director",
				Map.of("version", active.get("version").asLong())).status()).isEqualTo(409);
		assertThat(api.post("/api/v1/plans/" + planId + "/versions/" + versionId + "/approve", "director",
				Map.of("version", active.get("version").asLong())).status()).isEqualTo(409);
		assertThat(auditEntries("PLAN_VERSION", versionId)).isEqualTo(moves);

		// A change is a new version, shown against the one it is based on.
		Api.Response revised = api.post("/api/v1/plans/" + planId + "/versions", "director",
				Map.of("fromVersionId", versionId, "note", "Más informática"));
		assertThat(revised.status()).isEqualTo(201);
		long v2 = revised.json().get("id").asLong();
		assertThat(revised.json().get("basedOnNumber").asInt()).isEqualTo(1);
		api.post("/api/v1/plans/" + planId + "/versions/" + v2 + "/spread", "director", Map.of("unitId", madridNorte,
				"lineId", line, "period", "FY" + year + "-Q2", "measure", "REVENUE", "total", "30000", "method", "SEASONALITY"));
		JsonNode differences = api.get("/api/v1/plans/" + planId + "/versions/" + v2 + "/differences", "director").json();
		assertThat(differences).hasSize(1);
		assertThat(differences.get(0).get("unitId").asLong()).isEqualTo(madridNorte);
		assertThat(api.post("/api/v1/plans/" + planId + "/versions", "director", Map.of("fromVersionId", versionId))
			.status()).as("one open draft at a time").isEqualTo(409);
	}

	@Test
	void planVersusActualAddsUpAndTheCalendarIsGuarded() {
		JsonNode plans = api.get("/api/v1/plans", "director").json().get("content");
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

	@Test
	void objectivesMarketsAndStrategiesWithTargetListsThatFollowTheCustomersAndTaggedOrders() {
		int year = LocalDate.now().getYear();
		long planId = api.get("/api/v1/plans", "director").json().get("content").valueStream()
			.filter(p -> p.get("fiscalYear").asInt() == year).findFirst().orElseThrow().get("id").asLong();
		assertThat(api.get("/api/v1/objectives?fiscalYear=" + year, "rep").json().get("content")).isNotEmpty();
		Api.Response objective = api.post("/api/v1/objectives", "director", Map.of("fiscalYear", year, "kind",
				"NEW_CUSTOMERS", "title", "Abrir 10 cuentas públicas", "targetValue", 10));
		assertThat(objective.status()).isEqualTo(201);
		assertThat(api.post("/api/v1/objectives", "director", Map.of("fiscalYear", year, "kind", "REVENUE", "title",
				"Sin valor")).status()).as("a measurable objective needs a value").isEqualTo(400);
		assertThat(api.post("/api/v1/objectives", "manager", Map.of("fiscalYear", year, "kind", "QUALITATIVE", "title",
				"No")).status()).isEqualTo(403);
		long objectiveId = objective.json().get("id").asLong();
		Map<String, Object> edit = new java.util.HashMap<>(Map.of("fiscalYear", year, "kind", "NEW_CUSTOMERS", "title",
				"Abrir 12 cuentas públicas", "targetValue", 12, "version", objective.json().get("version").asLong()));
		assertThat(api.put("/api/v1/objectives/" + objectiveId, "director", edit).status()).isEqualTo(200);
		assertThat(api.put("/api/v1/objectives/" + objectiveId, "director", edit).status()).as("stale").isEqualTo(409);

		// A target list follows the customers: criteria select them now; by hand adds and removes.
		JsonNode customer = api.get("/api/v1/customers?size=1&status=ACTIVE", "rep").json().get("content").get(0);
		long customerId = customer.get("id").asLong();
		String industry = customer.get("industry").asString();
		JsonNode segment = api.post("/api/v1/segments", "director", Map.of("name", "Sector " + industry, "industry",
				industry)).json();
		long segmentId = segment.get("id").asLong();
		String targets = "/api/v1/segments/" + segmentId + "/targets?size=500";
		assertThat(ids(api.get(targets, "director").json())).contains(customerId);
		api.put("/api/v1/segments/" + segmentId + "/accounts", "director", Map.of("customerId", customerId, "included",
				false));
		assertThat(ids(api.get(targets, "director").json())).doesNotContain(customerId);
		jdbc.sql("UPDATE customer_account SET industry = 'Otro sector' WHERE id = :id").param("id", customerId).update();
		api.put("/api/v1/segments/" + segmentId + "/accounts", "director", java.util.Collections.singletonMap(
				"customerId", customerId));
		assertThat(ids(api.get(targets, "director").json())).as("no longer matches the criteria")
			.doesNotContain(customerId);
		api.put("/api/v1/segments/" + segmentId + "/accounts", "director", Map.of("customerId", customerId, "included",
				true));
		assertThat(ids(api.get(targets, "director").json())).as("added by hand").contains(customerId);
		jdbc.sql("UPDATE customer_account SET industry = :i WHERE id = :id").param("i", industry).param("id", customerId)
			.update();
		JsonNode repTargets = api.get(targets, "rep").json();
		assertThat(repTargets.get("page").get("totalElements").asLong()).as("a salesperson sees their part of the list")
			.isLessThan(api.get(targets, "director").json().get("page").get("totalElements").asLong());
		JsonNode coverage = api.get("/api/v1/segments/" + segmentId + "/coverage", "director").json();
		assertThat(coverage.get("targets").asLong()).isGreaterThanOrEqualTo(coverage.get("visited").asLong());
		assertThat(coverage.get("targets").asLong()).isGreaterThanOrEqualTo(coverage.get("bought").asLong());
		assertThat(api.post("/api/v1/segments", "rep", Map.of("name", "No")).status()).isEqualTo(403);

		// A strategy's real contribution is the booked orders tagged with it.
		Api.Response strategy = api.post("/api/v1/strategies", "director", Map.of("planId", planId, "name",
				"Sector público", "segmentId", segmentId, "unitId", unit("R-CENTRO"), "expectedRevenue", 50000, "startsOn",
				year + "-01-01", "endsOn", year + "-12-31"));
		assertThat(strategy.status()).isEqualTo(201);
		long strategyId = strategy.json().get("id").asLong();
		JsonNode withInitiative = api.post("/api/v1/strategies/" + strategyId + "/initiatives", "director",
				Map.of("title", "Presentarse a dos concursos")).json();
		JsonNode initiative = withInitiative.get("initiatives").get(0);
		assertThat(api.put("/api/v1/strategies/" + strategyId + "/initiatives/" + initiative.get("id").asLong(), "manager",
				Map.of("version", initiative.get("version").asLong(), "status", "IN_PROGRESS")).status()).isEqualTo(200);
		assertThat(api.post("/api/v1/strategies", "director", Map.of("planId", planId, "name", "Al revés", "startsOn",
				year + "-06-01", "endsOn", year + "-01-01")).status()).isEqualTo(400);

		JsonNode order = api.get("/api/v1/orders?size=1&from=" + year + "-01-01", "rep").json().get("content").get(0);
		assertThat(api.put("/api/v1/orders/" + order.get("id").asLong() + "/strategy", "rep",
				Map.of("strategyId", strategyId)).status()).isEqualTo(200);
		assertThat(api.put("/api/v1/orders/" + order.get("id").asLong() + "/strategy", "rep",
				Map.of("strategyId", 999999)).status()).isEqualTo(400);
		JsonNode measured = api.get("/api/v1/strategies/" + strategyId, "rep").json();
		assertThat(measured.get("taggedOrders").asLong()).isEqualTo(1);
		assertThat(measured.get("actualRevenue").decimalValue()).isEqualByComparingTo(order.get("netAmount").decimalValue());
		JsonNode opportunity = api.get("/api/v1/opportunities?size=1&open=true", "rep").json().get("content").get(0);
		assertThat(api.put("/api/v1/opportunities/" + opportunity.get("id").asLong() + "/strategy", "rep",
				Map.of("strategyId", strategyId)).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/strategies?planId=" + planId, "director").json().get("content"))
			.hasSizeGreaterThanOrEqualTo(4);
		// An initiative does not move to the status it has: 409, and no second audit entry.
		JsonNode moved = api.get("/api/v1/strategies/" + strategyId, "director").json().get("initiatives").get(0);
		long audits = auditEntries("INITIATIVE", moved.get("id").asLong());
		assertThat(api.put("/api/v1/strategies/" + strategyId + "/initiatives/" + moved.get("id").asLong(), "manager",
				Map.of("version", moved.get("version").asLong(), "status", "IN_PROGRESS")).status()).isEqualTo(409);
		assertThat(auditEntries("INITIATIVE", moved.get("id").asLong())).isEqualTo(audits);
	}

	private static List<Long> ids(JsonNode targets) {
		return targets.get("content").valueStream().map(t -> t.get("customerId").asLong()).toList();
	}

	private long auditEntries(String entityType, long id) {
		return jdbc.sql("SELECT COUNT(*) FROM identity_audit_event WHERE entity_type = :t AND entity_id = :id")
			.param("t", entityType)
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single();
	}

	@Test
	void everyPlanningListAnswersContentAndPageAndPages() {
		int year = LocalDate.now().getYear();
		long planId = api.get("/api/v1/plans", "director").json().get("content").valueStream()
			.filter(p -> p.get("fiscalYear").asInt() == year).findFirst().orElseThrow().get("id").asLong();
		for (String list : List.of("/api/v1/plans", "/api/v1/plans/" + planId + "/versions", "/api/v1/objectives",
				"/api/v1/segments", "/api/v1/strategies", "/api/v1/strategies?planId=" + planId)) {
			JsonNode all = api.get(list, "director").json();
			assertThat(all.get("content").isArray()).as(list).isTrue();
			long total = all.get("page").get("totalElements").asLong();
			assertThat(total).as(list).isGreaterThanOrEqualTo(1).isEqualTo(all.get("content").size());
			JsonNode first = api.get(list + (list.contains("?") ? "&" : "?") + "size=1", "director").json();
			assertThat(first.get("content")).as(list).hasSize(1);
			assertThat(first.get("page").get("totalPages").asLong()).as(list).isEqualTo(total);
			assertThat(first.get("content").get(0)).as(list).isEqualTo(all.get("content").get(0));
		}
		assertThat(api.get("/api/v1/plans?sort=colour", "director").status()).isEqualTo(400);
		assertThat(api.get("/api/v1/plans?sort=fiscalYear,asc", "director").json().get("content").get(0)
			.get("fiscalYear").asInt()).isLessThanOrEqualTo(year);
		assertThat(api.get("/api/v1/strategies?size=501", "director").status()).isEqualTo(400);
	}

	@Test
	void periodsAreNamedByTheFiscalCalendarsCodesAndTheShortCodesStillWork() {
		int year = LocalDate.now().getYear();
		long planId = api.get("/api/v1/plans", "director").json().get("content").valueStream()
			.filter(p -> p.get("fiscalYear").asInt() == year).findFirst().orElseThrow().get("id").asLong();
		String performance = "/api/v1/plans/" + planId + "/performance?by=line&period=";
		JsonNode byCode = api.get(performance + "FY" + year + "-Q2", "director").json();
		JsonNode byShortCode = api.get(performance + "Q2", "director").json();
		assertThat(byCode.get("period").asString()).isEqualTo("FY" + year + "-Q2");
		assertThat(byShortCode.get("period").asString()).isEqualTo("FY" + year + "-Q2");
		assertThat(byCode.get("total")).isEqualTo(byShortCode.get("total"));
		JsonNode months = api.get(performance + year + "-04-01.." + year + "-06-30", "director").json();
		assertThat(months.get("total").get("target")).isEqualTo(byCode.get("total").get("target"));
		JsonNode march = api.get("/api/v1/plans/" + planId + "/performance?by=month&period=FY" + year + "-M03", "director")
			.json();
		assertThat(march.get("rows")).hasSize(1);
		assertThat(march.get("rows").get(0).get("key").asString()).isEqualTo("FY" + year + "-M03");
		for (String bad : List.of("FY" + (year - 1) + "-Q1", "FY" + year + "-Q5", year + "-04-15.." + year + "-05-31",
				"W12")) {
			assertThat(api.get(performance + bad, "director").status()).as(bad).isEqualTo(400);
		}
		JsonNode calendar = api.get("/api/v1/fiscal-calendar", "rep").json();
		assertThat(calendar.get("year").get("code").asString()).isEqualTo("FY" + calendar.get("currentYear").asInt());
		assertThat(calendar.get("months").get(2).get("code").asString())
			.isEqualTo("FY" + calendar.get("currentYear").asInt() + "-M03");
	}
}
