package io.rumbo.scenarios;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.metrics.Metric;
import io.rumbo.metrics.MetricsQuery;
import io.rumbo.metrics.MetricsRebuild;
import io.rumbo.organization.StaffId;
import io.rumbo.sales.ForecastCalls;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forecast accuracy as a measure of the metrics catalogue (decision 0033), end to end: the calls of a salesperson of a
 * team of their own for three months long gone (and a quarter call, which the measure leaves out), the deals they won,
 * the accuracy recorded at period end, the metrics facts fed by the sales event (equal to a rebuild's) and an
 * evaluation scorecard whose criterion measures it.
 */
@RumboIntegrationTest
class ForecastAccuracyMeasureScenarioTests extends ApiTestSupport {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ForecastCalls forecasts;

	@Autowired
	MetricsQuery metrics;

	@Autowired
	MetricsRebuild rebuild;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	@Test
	void anEvaluationTemplateScoresTheAverageAccuracyOfTheMonthsCalled() throws Exception {
		// A team and a salesperson of their own, there since long before the quarter scored.
		Map<String, Object> unitBody = unitBody(unique("FA"), unitId(api, "S-MAD"));
		unitBody.put("validFrom", "2010-01-01");
		Api.Response unitCreated = api.post("/api/v1/org-units", "admin", unitBody);
		assertThat(unitCreated.status()).as(unitCreated.body()).isEqualTo(201);
		long unit = unitCreated.json().get("id").asLong();
		Map<String, Object> staffBody = staffBody(unique("FA"), unit);
		staffBody.put("hireDate", "2010-02-01");
		Api.Response staffCreated = api.post("/api/v1/staff", "admin", staffBody);
		assertThat(staffCreated.status()).as(staffCreated.body()).isEqualTo(201);
		long person = staffCreated.json().get("id").asLong();

		// The second quarter of a fiscal year eight years back: no demo call and no other test reaches it.
		String current = forecasts.periods().get(1).code();
		int year = Integer.parseInt(current.substring(2, 6)) - 8;
		ForecastCalls.Period quarter = forecasts.period("FY" + year + "-Q2");
		ForecastCalls.Period april = forecasts.period("FY" + year + "-M04");
		ForecastCalls.Period may = forecasts.period("FY" + year + "-M05");
		ForecastCalls.Period june = forecasts.period("FY" + year + "-M06");
		assertThat(april.start()).isEqualTo(quarter.start());
		assertThat(june.end()).isEqualTo(quarter.end());

		// Called 8,000 and won 6,000: 100 - 2,000 / 8,000 = 75.00 %.
		call(person, unit, april, "7000", "8000", "9000", 3);
		won(person, "6000", april.start().plusDays(10));
		// Called 0 and won nothing: 100.00 %.
		call(person, unit, may, "0", "0", "0", 5);
		// Called 4,000 and won 10,000: the error is 150 %, so 0.00 % (never below zero).
		call(person, unit, june, "4000", "4000", "5000", 2);
		won(person, "10000", june.start().plusDays(3));
		// A quarter call scored in the history, but not in the measure (its months are already there).
		call(person, unit, quarter, "20000", "20000", "25000", 1);

		assertThat(forecasts.recordAccuracy(LocalDate.now())).isGreaterThanOrEqualTo(4);
		Map<String, BigDecimal> recorded = new LinkedHashMap<>();
		jdbc.sql("SELECT period_code, accuracy_percent FROM sales_forecast_accuracy WHERE staff_id = :s")
			.param("s", person)
			.query(rs -> {
				recorded.put(rs.getString(1), rs.getBigDecimal(2));
			});
		assertThat(recorded).hasSize(4);
		assertThat(recorded.get(april.code())).isEqualByComparingTo("75.00");
		assertThat(recorded.get(may.code())).isEqualByComparingTo("100.00");
		assertThat(recorded.get(june.code())).isEqualByComparingTo("0.00");

		// The measure: (75 + 100 + 0) / 3 = 58.33 for the quarter, month by month the month's own accuracy.
		FiscalPeriod q = new FiscalPeriod(quarter.start(), quarter.end());
		BigDecimal measured = null;
		for (int i = 0; i < 100 && measured == null; i++) {
			measured = metrics.byPerson(Metric.FORECAST_ACCURACY, q, List.of(StaffId.of(person)))
				.get(StaffId.of(person));
			if (measured == null) {
				Thread.sleep(100);
			}
		}
		assertThat(measured).as("the facts follow the sales event").isEqualByComparingTo("58.33");
		Map<LocalDate, BigDecimal> monthly = metrics.byPersonAndMonth(Metric.FORECAST_ACCURACY, q,
				List.of(StaffId.of(person))).get(StaffId.of(person));
		assertThat(monthly.get(april.start())).isEqualByComparingTo("75.00");
		assertThat(monthly.get(may.start())).isEqualByComparingTo("100.00");
		assertThat(monthly.get(june.start())).isEqualByComparingTo("0.00");

		// A rebuild gives the same facts as the event did.
		List<String> before = forecastFacts();
		rebuild.rebuildAll("forecast accuracy test");
		assertThat(forecastFacts()).isEqualTo(before);

		// An evaluation template measures it; a cycle of that quarter scores the person with it.
		Map<String, Object> template = new LinkedHashMap<>();
		template.put("name", "Precisión " + unique("T"));
		template.put("cadence", "QUARTERLY");
		template.put("populationRole", "SALESPERSON");
		template.put("populationUnitId", unit);
		template.put("scaleMax", 10);
		template.put("criteria", List.of(Map.of("name", "Precisión de la previsión", "kind", "QUANTITATIVE", "weight",
				100, "measure", "forecast_accuracy", "target", "FIXED", "targetValue", 80, "capPercent", 150)));
		Api.Response created = api.post("/api/v1/evaluation/templates", "director", template);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long templateId = created.json().get("id").asLong();
		LocalDate nextMonth = LocalDate.now().withDayOfMonth(1).plusMonths(1);
		Api.Response published = api.post("/api/v1/evaluation/templates/" + templateId + "/publish", "director",
				Map.of("version", created.json().get("version").asLong(), "validFrom", nextMonth.toString()));
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		// Publication only looks ahead: the template is written as one published before that quarter.
		jdbc.sql("UPDATE evaluation_template SET valid_from = :from WHERE id = :id")
			.param("from", quarter.start())
			.param("id", templateId)
			.update();
		Api.Response cycle = api.post("/api/v1/evaluation/cycles", "director", Map.of("templateId", templateId, "name",
				"Precisión " + quarter.code(), "cadence", "QUARTERLY", "period", quarter.code(), "populationUnitId", unit));
		assertThat(cycle.status()).as(cycle.body()).isIn(200, 201);
		JsonNode cards = api.get("/api/v1/evaluation/scorecards?cycleId=" + cycle.json().get("id").asLong(),
				"director").json().get("content");
		assertThat(cards).hasSize(1);
		JsonNode card = api.get("/api/v1/evaluation/scorecards/" + cards.get(0).get("id").asLong(), "director").json();
		JsonNode line = card.get("lines").get(0);
		assertThat(line.get("measure").asString()).isEqualTo("forecast_accuracy");
		assertThat(line.get("actual").decimalValue()).isEqualByComparingTo("58.33");
		assertThat(line.get("target").decimalValue()).isEqualByComparingTo("80");
		// 58.33 / 80 = 72.91 % of the target
		assertThat(line.get("attainment").decimalValue()).isBetween(new BigDecimal("72.9"), new BigDecimal("73.0"));

		// The records behind the figure are the three months, not the quarter.
		JsonNode records = api.get("/api/v1/metrics/forecast_accuracy/records?period=" + quarter.code()
				+ "&person=" + person, "director").json();
		assertThat(records.get("content")).hasSize(3);
	}

	private void call(long person, long unit, ForecastCalls.Period period, String commit, String mostLikely,
			String bestCase, int day) {
		jdbc.sql("""
				INSERT INTO sales_forecast_call (level, staff_id, unit_id, period_code, period_start, period_end,
				  commit_amount, most_likely_amount, best_case_amount, closed_amount, pipeline_amount, weighted_amount,
				  submitted_by, submitted_at)
				VALUES ('PERSON', :staff, :unit, :period, :start, :end, :commit, :ml, :bc, 0, 0, 0, 'admin', :at)""")
			.param("staff", person)
			.param("unit", unit)
			.param("period", period.code())
			.param("start", period.start())
			.param("end", period.end())
			.param("commit", new BigDecimal(commit))
			.param("ml", new BigDecimal(mostLikely))
			.param("bc", new BigDecimal(bestCase))
			.param("at", Timestamp.valueOf(period.start().plusDays(day).atTime(10, 0)))
			.update();
	}

	/** A deal of the person won with its close date on {@code closed} (moved there after the win, as an edit). */
	private void won(long person, String amount, LocalDate closed) {
		long customer = api.get("/api/v1/customers?size=1&status=ACTIVE", "admin").json().get("content").get(0)
			.get("id").asLong();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("customerId", customer);
		body.put("title", "Precisión " + unique("D"));
		body.put("amount", amount);
		body.put("expectedClose", closed.toString());
		body.put("ownerStaffId", person);
		Api.Response created = api.post("/api/v1/opportunities", "admin", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(api.post("/api/v1/opportunities/" + id + "/stage", "admin", Map.of("stage", "WON")).status())
			.isEqualTo(200);
		JsonNode won = api.get("/api/v1/opportunities/" + id, "admin").json();
		body.put("version", won.get("version").asLong());
		Api.Response moved = api.put("/api/v1/opportunities/" + id, "admin", body);
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(moved.json().get("expectedClose").asString()).isEqualTo(closed.toString());
	}

	private List<String> forecastFacts() {
		return jdbc.sql("SELECT staff_id, unit_id, month_start, measure, amount FROM metrics_fact WHERE measure IN"
				+ " ('FORECAST_ACCURACY_SUM', 'FORECAST_CALLS_SCORED') ORDER BY staff_id, unit_id, month_start, measure")
			.query((rs, n) -> rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getDate(3) + "/" + rs.getString(4) + "="
					+ rs.getBigDecimal(5).stripTrailingZeros().toPlainString())
			.list();
	}
}
