package io.rumbo.scenarios;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.rumbo.planning.FiscalCalendar;
import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures over real HTTP with each role's token: a salesperson reads only their own figures, a manager their
 * team's, units outside the reader's scope are not found, exports follow Accept, only administrators rebuild.
 */
@RumboIntegrationTest
class MetricsApiScenarioTests extends ApiTestSupport {

	@LocalServerPort
	int port;

	@Autowired
	FiscalCalendar calendar;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	@Test
	void eachRoleReadsTheFiguresOfItsScope() {
		assertThat(api.post("/api/v1/metrics/rebuild", "rep", null).status()).isEqualTo(403);
		Api.Response rebuilt = api.post("/api/v1/metrics/rebuild", "admin", null);
		assertThat(rebuilt.status()).isEqualTo(200);
		assertThat(rebuilt.json().get("orderRows").asLong()).as("the demo company's orders").isPositive();

		String year = "FY" + calendar.years().yearOf(LocalDate.now());
		String query = "/api/v1/metrics?measures=revenue,orders,win_rate&by=person&period=" + year + "-YTD&size=500";
		long me = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
		JsonNode mine = api.get(query, "rep").json();
		assertThat(mine.get("content")).as("a salesperson sees one row: their own").hasSize(1);
		assertThat(mine.get("content").get(0).get("key").asString()).isEqualTo(String.valueOf(me));
		assertThat(mine.get("content").get(0).get("values").get("revenue").decimalValue()).isPositive();

		JsonNode team = api.get(query, "manager").json();
		assertThat(team.get("content").size()).as("a manager sees their team").isGreaterThan(1);
		JsonNode myRowForManager = null;
		for (JsonNode row : team.get("content")) {
			if (row.get("key").asString().equals(String.valueOf(me))) {
				myRowForManager = row;
			}
		}
		assertThat(myRowForManager).as("the rep is in the manager's team").isNotNull();
		assertThat(myRowForManager.get("values").get("revenue").decimalValue())
			.isEqualByComparingTo(mine.get("content").get(0).get("values").get("revenue").decimalValue());
		JsonNode company = api.get(query, "director").json();
		assertThat(company.get("page").get("totalElements").asLong())
			.isGreaterThan(team.get("page").get("totalElements").asLong());

		for (String by : new String[] { "unit", "line", "month", "quarter" }) {
			Api.Response grouped = api.get("/api/v1/metrics?measures=revenue,margin_pct,active_customers&by=" + by
					+ "&period=" + year, "director");
			assertThat(grouped.status()).as(by).isEqualTo(200);
			assertThat(grouped.json().get("content").size()).as(by).isPositive();
		}
		long otherUnit = unitId(api, "E-SVQ-CAP");
		assertThat(api.get("/api/v1/metrics?by=person&unit=" + otherUnit, "rep").status())
			.as("a unit outside the scope is not found").isEqualTo(404);
		assertThat(api.get("/api/v1/metrics?period=FY2026-Q9", "rep").status()).isEqualTo(400);
		assertThat(api.get("/api/v1/metrics?measures=nothing", "rep").status()).isEqualTo(400);
		assertThat(api.get("/api/v1/metrics?by=planet", "rep").status()).isEqualTo(400);

		Api.Response csv = api.get(query, "manager", java.util.Map.of("Accept", "text/csv"));
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body()).contains("period,key,label,revenue,orders,win_rate");
		assertThat(api.get("/api/v1/metrics/measures", "rep").json()).hasSize(io.rumbo.metrics.Metric.values().length);
		assertThat(api.get("/api/v1/metrics/measures", "rep").body()).as("decision 0033").contains("forecast_accuracy");

		// The figure opens to its orders: the credited amounts add up to it.
		java.math.BigDecimal credited = java.math.BigDecimal.ZERO;
		String records = "/api/v1/metrics/revenue/records?period=" + year + "-YTD&person=" + me + "&size=500&page=";
		JsonNode first = api.get(records + 0, "rep").json();
		long pages = first.get("page").get("totalPages").asLong();
		for (int page = 0; page < pages; page++) {
			for (JsonNode item : api.get(records + page, "rep").json().get("content")) {
				assertThat(item.get("kind").asString()).isEqualTo("ORDER");
				assertThat(item.get("staffId").asLong()).isEqualTo(me);
				credited = credited.add(item.get("creditedAmount").decimalValue());
			}
		}
		assertThat(credited.setScale(2, java.math.RoundingMode.HALF_UP)).as("the orders behind the revenue")
			.isEqualByComparingTo(mine.get("content").get(0).get("values").get("revenue").decimalValue());
		assertThat(api.get("/api/v1/metrics/visits/records?period=" + year + "&person=" + me, "manager").status())
			.isEqualTo(200);
		long other = api.get("/api/v1/staff/me", "pablo.romero").json().get("id").asLong();
		assertThat(api.get("/api/v1/metrics/revenue/records?person=" + other, "rep").status())
			.as("someone else's records are not found").isEqualTo(404);
		assertThat(api.get("/api/v1/metrics/nothing/records", "rep").status()).isEqualTo(404);
	}

	@Test
	void aFigureOfAProductLineOpensToTheOrderLinesOfThatLine() {
		String period = "FY" + calendar.years().yearOf(LocalDate.now()) + "-YTD";
		long me = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
		JsonNode row = api.get("/api/v1/metrics?measures=revenue,margin&by=line&period=" + period, "rep").json()
			.get("content").get(0);
		long line = row.get("key").asLong();
		java.util.Set<String> skus = new java.util.HashSet<>();
		api.get("/api/v1/products?lineId=" + line + "&size=500", "rep").json().get("content")
			.forEach(p -> skus.add(p.get("sku").asString()));

		// The salesperson's revenue of the line is the credited share of the line's order lines, and nothing else.
		java.math.BigDecimal credited = java.math.BigDecimal.ZERO;
		String records = "/api/v1/metrics/revenue/records?period=" + period + "&line=" + line + "&size=500&page=";
		long pages = api.get(records + 0, "rep").json().get("page").get("totalPages").asLong();
		assertThat(pages).isPositive();
		for (int page = 0; page < pages; page++) {
			for (JsonNode item : api.get(records + page, "rep").json().get("content")) {
				assertThat(item.get("kind").asString()).isEqualTo("ORDER_LINE");
				assertThat(item.get("staffId").asLong()).isEqualTo(me);
				assertThat(item.get("detail").asString()).as("a product of the line").isIn(skus);
				assertThat(item.get("creditedAmount").decimalValue()).isEqualByComparingTo(item.get("amount").decimalValue()
					.multiply(item.get("sharePercent").decimalValue()).movePointLeft(2));
				credited = credited.add(item.get("creditedAmount").decimalValue());
			}
		}
		assertThat(credited.setScale(2, java.math.RoundingMode.HALF_UP)).as("the order lines behind the line's revenue")
			.isEqualByComparingTo(row.get("values").get("revenue").decimalValue());

		assertThat(api.get("/api/v1/metrics/margin/records?period=" + period + "&line=" + line + "&person=" + me, "rep")
			.status()).isEqualTo(200);
		Api.Response notByLine = api.get("/api/v1/metrics/orders/records?line=" + line, "rep");
		assertThat(notByLine.status()).as("orders are not split by line").isEqualTo(400);
		assertThat(notByLine.json().get("errors").get(0).get("field").asString()).isEqualTo("line");
		assertThat(api.get("/api/v1/metrics/revenue/records?line=999999999", "rep").status()).isEqualTo(404);
	}
}
