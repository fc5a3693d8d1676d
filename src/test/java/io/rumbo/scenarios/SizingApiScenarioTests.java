package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Sizing over real HTTP with real tokens per role: the worked examples of issue 15 through the calculator, scenarios in
 * a manager's subtree only, a scenario's gap turned into planned positions once, a budget against actual that sums
 * what was entered and imported, an import with one wrong row that writes nothing, and who may edit and read what. Each
 * test works on a unit of its own under Región Centro and a fiscal year far ahead, so the demo's figures stay as they
 * are.
 */
@RumboIntegrationTest
class SizingApiScenarioTests extends ApiTestSupport {

	/** A fiscal year no other test and no demo uses. */
	static final int YEAR = 2091;

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	private long newTeam() {
		String code = unique("SZ");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code);
		body.put("name", "Equipo " + code);
		body.put("kind", "TEAM");
		body.put("parentId", unitId(api, "R-CENTRO"));
		body.put("validFrom", "2020-01-01");
		Api.Response created = api.post("/api/v1/org-units", "admin", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private static Map<String, Object> group(String label, String count, String amount, String percent) {
		Map<String, Object> g = new LinkedHashMap<>();
		g.put("label", label);
		g.put("count", new BigDecimal(count));
		g.put("amount", new BigDecimal(amount));
		g.put("percent", percent == null ? null : new BigDecimal(percent));
		return g;
	}

	private JsonNode calculate(String method, Map<String, Object> values, List<Map<String, Object>> groups) {
		Api.Response answer = api.post("/api/v1/sizing/calculate?lang=en", "director",
				Map.of("method", method, "inputs", Map.of("values", values, "groups", groups)));
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		return answer.json();
	}

	@Test
	void theWorkedExamplesShowTheirWorking() {
		JsonNode workload = calculate("WORKLOAD", Map.of("callsPerSalesperson", 1000),
				List.of(group("A", "1000", "36", null), group("B", "2000", "12", null)));
		assertThat(workload.get("result").decimalValue()).isEqualByComparingTo("60");
		assertThat(workload.get("steps").findValuesAsString("text")).containsExactly(
				"Class A: 1,000 accounts × 36 calls a year = 36,000 calls",
				"Class B: 2,000 accounts × 12 calls a year = 24,000 calls", "Calls needed a year: 60,000",
				"Salespeople: 60,000 calls ÷ 1,000 calls a salesperson = 60, rounded up to 60");
		assertThat(calculate("BREAKDOWN", Map.of("forecastSales", 10_000_000, "salesPerSalesperson", 250_000),
				List.of()).get("result").decimalValue()).isEqualByComparingTo("40");
		JsonNode incremental = calculate("INCREMENTAL", Map.of("revenueFactor", 1_000_000, "costPerSalesperson",
				100_000), List.of());
		assertThat(incremental.get("result").decimalValue()).isEqualByComparingTo("25");
		List<String> lines = incremental.get("steps").findValuesAsString("text");
		assertThat(lines.get(lines.size() - 1))
			.isEqualTo("25 salespeople: revenue 5,000,000 − cost 2,500,000 = profit 2,500,000");
		JsonNode capacity = calculate("CAPACITY", Map.of(), List.of(group("tenured", "7", "150000", "85"),
				group("ramping", "3", "150000", "40")));
		assertThat(capacity.get("result").decimalValue()).isEqualByComparingTo("1072500");
		assertThat(capacity.get("resultText").asString()).contains("1,072,500.00");
		Api.Response spanish = api.post("/api/v1/sizing/calculate?lang=es", "director", Map.of("method", "BREAKDOWN",
				"inputs", Map.of("values", Map.of("forecastSales", 10_000_000, "salesPerSalesperson", 250_000),
						"groups", List.of())));
		assertThat(spanish.json().get("steps").get(0).get("text").asString())
			.isEqualTo("Vendedores: 10.000.000 de ventas previstas ÷ 250.000 de ventas por vendedor = 40");
		Api.Response bad = api.post("/api/v1/sizing/calculate", "director", Map.of("method", "BREAKDOWN", "inputs",
				Map.of("values", Map.of("forecastSales", -1), "groups", List.of())));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("forecastSales");
		assertThat(api.post("/api/v1/sizing/calculate", "rep", Map.of("method", "BREAKDOWN", "inputs",
				Map.of("values", Map.of(), "groups", List.of()))).status()).isEqualTo(403);
	}

	@Test
	void managersSizeTheirSubtreeAndTheGapBecomesPositionsOnce() {
		long team = newTeam();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "Desglose " + team);
		body.put("method", "BREAKDOWN");
		body.put("unitId", team);
		body.put("fiscalYear", YEAR);
		body.put("inputs", Map.of("values", Map.of("forecastSales", 1_000_000, "salesPerSalesperson", 250_000),
				"groups", List.of()));
		assertThat(api.post("/api/v1/sizing/scenarios", "rep", body).status()).isEqualTo(403);
		Api.Response saved = api.post("/api/v1/sizing/scenarios?lang=en", "manager", body);
		assertThat(saved.status()).as(saved.body()).isEqualTo(201);
		JsonNode scenario = saved.json();
		assertThat(scenario.get("result").decimalValue()).isEqualByComparingTo("4");
		assertThat(scenario.get("headcount").get("gap").asInt()).isEqualTo(4);
		long id = scenario.get("id").asLong();

		Map<String, Object> north = new LinkedHashMap<>(body);
		north.put("unitId", unitId(api, "R-NORTE"));
		Api.Response outside = api.post("/api/v1/sizing/scenarios", "manager", north);
		assertThat(outside.status()).isEqualTo(400);
		assertThat(outside.body()).contains("unitId");
		assertThat(api.get("/api/v1/sizing/scenarios/" + id, "rep").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/sizing/scenarios?unitId=" + team, "director").json().get("content")
			.findValuesAsString("name")).containsExactly("Desglose " + team);
		assertThat(api.get("/api/v1/sizing/scenarios?unitId=" + team, "rep").json().get("content")).isEmpty();

		Api.Response applied = api.post("/api/v1/sizing/scenarios/" + id + "/apply", "manager",
				Map.of("version", scenario.get("version").asLong()));
		assertThat(applied.status()).as(applied.body()).isEqualTo(200);
		assertThat(applied.json().get("headcount").get("planned").asInt()).isEqualTo(4);
		assertThat(applied.json().get("appliedBy").asString()).isEqualTo("manager");
		JsonNode positions = api.get("/api/v1/org-units/" + team + "/positions", "admin").json();
		assertThat(positions.findValuesAsString("jobRole")).contains("SALESPERSON");
		assertThat(api.post("/api/v1/sizing/scenarios/" + id + "/apply", "manager",
				Map.of("version", applied.json().get("version").asLong())).status()).isEqualTo(409);
		assertThat(api.post("/api/v1/sizing/scenarios/" + id + "/apply", "manager",
				Map.of("version", 0)).status()).isEqualTo(409);
	}

	@Test
	void aScenarioSizesTheRolesItChoosesAndPlansTheGapInItsRole() {
		long team = newTeam();
		// Today: one salesperson and one key account manager in the team.
		for (String role : List.of("SALESPERSON", "KEY_ACCOUNT_MANAGER")) {
			Map<String, Object> person = staffBody(unique("SZR"), team);
			person.put("jobRole", role);
			Api.Response hired = api.post("/api/v1/staff", "admin", person);
			assertThat(hired.status()).as(hired.body()).isEqualTo(201);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "Grandes cuentas " + team);
		body.put("method", "BREAKDOWN");
		body.put("unitId", team);
		body.put("fiscalYear", YEAR);
		body.put("inputs", Map.of("values", Map.of("forecastSales", 1_000_000, "salesPerSalesperson", 250_000),
				"groups", List.of()));
		Api.Response both = api.post("/api/v1/sizing/scenarios", "director", body);
		assertThat(both.status()).as(both.body()).isEqualTo(201);
		assertThat(both.json().get("roles").toString()).isEqualTo("[\"SALESPERSON\",\"KEY_ACCOUNT_MANAGER\"]");
		assertThat(both.json().get("positionRole").asString()).isEqualTo("SALESPERSON");
		assertThat(both.json().get("headcount").get("filled").asInt()).as("the default: both roles").isEqualTo(2);

		body.put("roles", List.of("KEY_ACCOUNT_MANAGER"));
		body.put("positionRole", "SALESPERSON");
		Api.Response wrong = api.post("/api/v1/sizing/scenarios?lang=en", "director", body);
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.body()).contains("positionRole");
		body.put("positionRole", "KEY_ACCOUNT_MANAGER");
		Api.Response kam = api.post("/api/v1/sizing/scenarios", "director", body);
		assertThat(kam.status()).as(kam.body()).isEqualTo(201);
		assertThat(kam.json().get("headcount").get("filled").asInt()).as("key account managers only").isEqualTo(1);
		assertThat(kam.json().get("headcount").get("gap").asInt()).isEqualTo(4);
		Api.Response applied = api.post("/api/v1/sizing/scenarios/" + kam.json().get("id").asLong() + "/apply",
				"director", Map.of("version", kam.json().get("version").asLong()));
		assertThat(applied.status()).as(applied.body()).isEqualTo(200);
		int planned = 0;
		for (JsonNode p : api.get("/api/v1/org-units/" + team + "/positions", "admin").json()) {
			if (p.get("jobRole").asString().equals("KEY_ACCOUNT_MANAGER")) {
				planned += p.get("planned").asInt();
			}
			else {
				assertThat(p.get("planned").asInt()).as("no other role planned").isZero();
			}
		}
		assertThat(planned).isEqualTo(4);
	}

	private static List<Map<String, Object>> cells(String amount) {
		List<Map<String, Object>> cells = new ArrayList<>();
		for (int m = 1; m <= 12; m++) {
			cells.add(Map.of("month", m, "type", "SALARIES", "amount", new BigDecimal(amount)));
		}
		cells.add(Map.of("month", 3, "type", "TRAVEL", "amount", new BigDecimal("250.50")));
		return cells;
	}

	@Test
	void budgetAgainstActualSumsWhatWasEnteredAndImportedAndABadFileWritesNothing() {
		long team = newTeam();
		String code = api.get("/api/v1/org-units/" + team, "admin").json().get("code").asString();
		String query = "?fiscalYear=" + YEAR + "&unitId=" + team;
		assertThat(api.put("/api/v1/sizing/budget" + query, "manager", Map.of("version", 0, "cells", cells("1000")))
			.status()).as("managers read budgets, they do not enter them").isEqualTo(403);
		Api.Response saved = api.put("/api/v1/sizing/budget" + query, "director",
				Map.of("version", 0, "cells", cells("1000")));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(api.put("/api/v1/sizing/budget" + query, "director", Map.of("version", 0, "cells", cells("1")))
			.status()).as("a stale version").isEqualTo(409);
		assertThat(api.put("/api/v1/sizing/budget" + query, "finance",
				Map.of("version", saved.json().get("version").asLong(), "cells", cells("2000"))).status())
			.isEqualTo(200);

		String month = "FY" + YEAR + "-M";
		String good = "unit_code,fiscal_month,cost_type,amount\n" + code + "," + month + "01,SALARIES,1900.00\n" + code
				+ "," + month + "02,TRAVEL,300.25\n";
		Api.Response bad = api.upload("/api/v1/imports/actual-costs", "finance", (good + code + "," + month
				+ "13,OTHER,-5\n" + "NO-SUCH-UNIT," + month + "01,OTHER,1\n").getBytes(StandardCharsets.UTF_8),
				"text/csv", Map.of());
		assertThat(bad.status()).as(bad.body()).isEqualTo(422);
		JsonNode errors = bad.json().get("errors");
		assertThat(errors.findValuesAsString("column")).contains("fiscal_month", "amount", "unit_code");
		assertThat(api.get("/api/v1/sizing/budget/report" + query, "director").json().get("units").get(0)
			.get("actual").decimalValue()).as("nothing of the bad file was written").isEqualByComparingTo("0");
		assertThat(api.upload("/api/v1/imports/actual-costs", "manager", good.getBytes(StandardCharsets.UTF_8),
				"text/csv", Map.of()).status()).isEqualTo(403);
		Api.Response imported = api.upload("/api/v1/imports/actual-costs", "finance",
				good.getBytes(StandardCharsets.UTF_8), "text/csv", Map.of());
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);

		Api.Response report = api.get("/api/v1/sizing/budget/report" + query, "manager");
		assertThat(report.status()).as("the manager of Región Centro reads the team's").isEqualTo(200);
		JsonNode line = report.json().get("units").get(0);
		assertThat(line.get("budget").decimalValue()).isEqualByComparingTo("24250.50");
		assertThat(line.get("actual").decimalValue()).isEqualByComparingTo("2200.25");
		JsonNode months = report.json().get("months");
		assertThat(months.get(0).get("budget").decimalValue()).isEqualByComparingTo("2000");
		assertThat(months.get(0).get("actual").decimalValue()).isEqualByComparingTo("1900");
		assertThat(months.get(2).get("budget").decimalValue()).isEqualByComparingTo("2250.50");
		BigDecimal monthly = BigDecimal.ZERO;
		for (JsonNode m : months) {
			monthly = monthly.add(m.get("budget").decimalValue());
		}
		assertThat(monthly).as("the months add up to the year").isEqualByComparingTo("24250.50");
		JsonNode centro = api.get("/api/v1/sizing/budget/report?fiscalYear=" + YEAR + "&unitId="
				+ unitId(api, "R-CENTRO"), "director").json().get("units").get(0);
		assertThat(centro.get("budget").decimalValue()).as("the region holds its teams' budgets")
			.isGreaterThanOrEqualTo(new BigDecimal("24250.50"));
		assertThat(api.get("/api/v1/sizing/budget/report?fiscalYear=" + YEAR + "&unitId=" + unitId(api, "R-NORTE"),
				"manager").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/sizing/budget/report" + query, "rep").status()).isEqualTo(404);
	}

	@Test
	void anAmountTooLargeForTheGridIsARowErrorOfTheImportAndNothingIsWritten() {
		long team = newTeam();
		String code = api.get("/api/v1/org-units/" + team, "admin").json().get("code").asString();
		String month = "FY" + YEAR + "-M";
		byte[] file = ("unit_code,fiscal_month,cost_type,amount\n" + code + "," + month + "01,SALARIES,1900.00\n" + code
				+ "," + month + "02,TRAVEL,1000000000000\n" + code + "," + month + "03,OTHER,100000000000000000000\n")
			.getBytes(StandardCharsets.UTF_8);
		for (String kind : List.of("budgets", "actual-costs")) {
			Api.Response english = api.upload("/api/v1/imports/" + kind + "?lang=en", "finance", file, "text/csv",
					Map.of());
			assertThat(english.status()).as(english.body()).isEqualTo(422);
			JsonNode error = english.json().get("errors").get(0);
			assertThat(english.json().get("errors").findValuesAsString("column")).containsExactly("amount", "amount");
			assertThat(english.json().get("errors").findValues("row")).extracting(JsonNode::asLong)
				.as("at the limit, and far beyond what the column holds").containsExactly(3L, 4L);
			assertThat(error.get("message").asString())
				.isEqualTo("Amounts must be less than 1,000,000,000,000 (one trillion).");
			Api.Response spanish = api.upload("/api/v1/imports/" + kind, "finance", file, "text/csv",
					Map.of("Accept-Language", "es"));
			assertThat(spanish.json().get("errors").get(0).get("message").asString())
				.isEqualTo("Los importes deben ser menores de 1.000.000.000.000 (un billón).");
		}
		JsonNode line = api.get("/api/v1/sizing/budget/report?fiscalYear=" + YEAR + "&unitId=" + team, "director")
			.json().get("units").get(0);
		assertThat(line.get("budget").decimalValue()).as("nothing of the file was written").isEqualByComparingTo("0");
		assertThat(line.get("actual").decimalValue()).isEqualByComparingTo("0");
		Api.Response grid = api.put("/api/v1/sizing/budget?fiscalYear=" + YEAR + "&unitId=" + team + "&lang=en",
				"director", Map.of("version", 0, "cells", List.of(Map.of("month", 1, "type", "SALARIES", "amount",
						new BigDecimal("1000000000000")))));
		assertThat(grid.status()).as("the grid has the same limit").isEqualTo(400);
		assertThat(grid.body()).contains("1,000,000,000,000");
	}

	@Test
	void channelTermsAreTheDirectorsToSet() {
		JsonNode list = api.get("/api/v1/sizing/channels?kind=DISTRIBUTOR", "director").json();
		JsonNode canarias = null;
		for (JsonNode c : list.get("content")) {
			if (c.get("unitCode").asString().equals("D-CANARIAS")) {
				canarias = c;
			}
		}
		assertThat(canarias).as("the demo distributor").isNotNull();
		List<String> names = list.get("content").findValuesAsString("unitName");
		List<String> paged = new ArrayList<>();
		for (int page = 0; page < names.size(); page++) {
			JsonNode one = api.get("/api/v1/sizing/channels?kind=DISTRIBUTOR&size=1&page=" + page, "director").json();
			assertThat(one.get("content")).hasSize(1);
			assertThat(one.get("page").get("totalElements").asLong()).isEqualTo(names.size());
			paged.addAll(one.get("content").findValuesAsString("unitName"));
		}
		assertThat(paged).as("one page at a time, the same list").isEqualTo(names);
		JsonNode backwards = api.get("/api/v1/sizing/channels?kind=DISTRIBUTOR&sort=name,desc", "director").json();
		List<String> reversed = new ArrayList<>(names);
		java.util.Collections.reverse(reversed);
		assertThat(backwards.get("content").findValuesAsString("unitName")).isEqualTo(reversed);
		long id = canarias.get("id").asLong();
		Map<String, Object> terms = new LinkedHashMap<>();
		terms.put("version", canarias.get("version").asLong());
		terms.put("basis", "MARGIN");
		terms.put("sharePercent", new BigDecimal("12"));
		terms.put("sellerStaffId", canarias.get("sellerStaffId").isNull() ? null
				: canarias.get("sellerStaffId").asLong());
		// The demo's lines stay (other tests read the distributor's terms with their lines).
		List<Long> lines = new java.util.ArrayList<>();
		canarias.get("productLineIds").forEach(l -> lines.add(l.asLong()));
		terms.put("productLineIds", lines);
		assertThat(api.put("/api/v1/sizing/channels/" + id, "manager", terms).status()).isEqualTo(403);
		Map<String, Object> tooMuch = new LinkedHashMap<>(terms);
		tooMuch.put("sharePercent", new BigDecimal("120"));
		assertThat(api.put("/api/v1/sizing/channels/" + id, "director", tooMuch).status()).isEqualTo(400);
		Api.Response saved = api.put("/api/v1/sizing/channels/" + id, "director", terms);
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(saved.json().get("basis").asString()).isEqualTo("MARGIN");
		assertThat(saved.json().get("version").asLong()).isGreaterThan(canarias.get("version").asLong());
		assertThat(api.get("/api/v1/sizing/channels/" + unitId(api, "R-CENTRO"), "director").status())
			.as("a region has no channel terms").isEqualTo(404);
	}
}
